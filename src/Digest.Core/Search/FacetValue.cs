namespace Digest.Core.Search;

/// <summary>A facet value, its count, and whether the request selects it (selected values are listed even at zero).</summary>
public sealed record FacetValue(string Value, int Count, bool Selected);
