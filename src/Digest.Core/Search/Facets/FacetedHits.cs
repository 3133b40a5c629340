using Lucene.Net.Search;

namespace Digest.Core.Search.Facets;

/// <summary>
/// What a counted search found: the papers matching the query and every filter, the facets' values, whether the time
/// budget stopped it early, and the query as it was rewritten against the index (snippets reuse it; null when none).
/// </summary>
internal readonly record struct FacetedHits(int TotalHits, IReadOnlyList<SearchFacet> Facets, bool Incomplete, Query? Rewritten);
