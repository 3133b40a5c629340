namespace Digest.Web.Endpoints;

/// <summary>A facet value in <c>/api/search</c>: <see cref="Url"/> is the search view with this value toggled.</summary>
internal sealed record ApiFacetValue(string Value, string Label, int Count, bool Selected, string Url);
