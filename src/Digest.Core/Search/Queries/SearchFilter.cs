using Lucene.Net.Search;

namespace Digest.Core.Search.Queries;

/// <summary>One filter of a request: its facet group (see <see cref="FacetNames"/>, or a label for non-facet filters), its query, and the request without it.</summary>
internal sealed record SearchFilter(string Group, Query Query, Occur Occur, Func<SearchRequest, SearchRequest> Remove);
