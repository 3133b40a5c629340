namespace Digest.Core.Search;

/// <summary>A search that finds something when the user's search found nothing, or a completion of a typed prefix.</summary>
/// <param name="Kind">What was changed.</param>
/// <param name="Text">For <see cref="SearchSuggestionKind.Spelling"/> the corrected query; for <see cref="SearchSuggestionKind.RemoveFilter"/> the filter removed (for example <c>year</c>); for a completion the title, name or topic label it completes to.</param>
/// <param name="Request">The request to run (link to) for this suggestion.</param>
/// <param name="Count">How many papers it finds.</param>
public sealed record SearchSuggestion(SearchSuggestionKind Kind, string Text, SearchRequest Request, int Count)
{
    /// <summary>For a <see cref="SearchSuggestionKind.Title"/> completion: the paper it names (link to its page rather than to a search).</summary>
    public string? PaperId { get; init; }
}
