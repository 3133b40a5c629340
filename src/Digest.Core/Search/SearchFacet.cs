namespace Digest.Core.Search;

/// <summary>
/// Counts for one facet. Each count is computed with every filter except this facet's own selection, so it equals
/// the number of results the user gets by selecting that value alone (multi-select faceting).
/// </summary>
public sealed record SearchFacet(string Name, IReadOnlyList<FacetValue> Values);
