namespace Digest.Web.Endpoints;

/// <summary>A search that finds something when the request found nothing (<c>removeFilter</c> or <c>spelling</c>).</summary>
internal sealed record ApiSuggestion(string Kind, string Text, int Count, string Url);
