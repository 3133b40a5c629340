using Lucene.Net.Search;

namespace Digest.Core.Search.Queries;

/// <summary>One filter of a request: its group (a facet's <see cref="Facets.FacetDefinition.Name"/>, or a label for other filters), its query, and the request without it.</summary>
internal sealed record SearchFilter(string Group, Query Query, Occur Occur, Func<SearchRequest, SearchRequest> Remove);
