namespace Digest.Core.Search;

/// <summary>Why a suggestion is offered.</summary>
public enum SearchSuggestionKind
{
    /// <summary>The same search without one filter.</summary>
    RemoveFilter,

    /// <summary>The query with misspelled words corrected from the index's own vocabulary.</summary>
    Spelling,
}
