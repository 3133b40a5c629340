namespace Digest.Core.Search;

/// <summary>A search that finds something when the user's search found nothing.</summary>
/// <param name="Kind">What was changed.</param>
/// <param name="Text">For <see cref="SearchSuggestionKind.Spelling"/> the corrected query; for <see cref="SearchSuggestionKind.RemoveFilter"/> the filter removed (for example <c>year</c>).</param>
/// <param name="Request">The request to run (link to) for this suggestion.</param>
/// <param name="Count">How many papers it finds.</param>
public sealed record SearchSuggestion(SearchSuggestionKind Kind, string Text, SearchRequest Request, int Count);
