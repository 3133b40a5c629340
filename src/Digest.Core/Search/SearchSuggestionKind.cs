namespace Digest.Core.Search;

/// <summary>Why a suggestion is offered: a search that finds something where the user's found nothing, or a completion of what they are typing.</summary>
public enum SearchSuggestionKind
{
    /// <summary>The same search without one filter.</summary>
    RemoveFilter,

    /// <summary>The query with misspelled words corrected from the index's own vocabulary.</summary>
    Spelling,

    /// <summary>A completion of a typed prefix: a topic whose label or slug starts with it (see <see cref="SearchService.Complete"/>).</summary>
    Topic,

    /// <summary>A completion of a typed prefix: an author whose name, or a part of it, starts with it.</summary>
    Author,

    /// <summary>A completion of a typed prefix: a paper whose title starts with it (<see cref="SearchSuggestion.PaperId"/> names it).</summary>
    Title,
}
