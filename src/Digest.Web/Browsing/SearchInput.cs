using Digest.Core.Search;

namespace Digest.Web.Browsing;

/// <summary>A search request read from a query string, and the values that had to be dropped (each with a reason a person understands).</summary>
public sealed record SearchInput(SearchRequest Request, IReadOnlyList<string> Problems);
