using System.Diagnostics.CodeAnalysis;

namespace Digest.Web.Readers;

/// <summary>The fields the paper buttons post (reader and curator alike), read one way.</summary>
public static class PaperFormFields
{
    /// <summary>Longer than any id the store makes (arXiv ids, title-derived ids); longer is refused before any lookup.</summary>
    public const int MaxPaperIdLength = 300;

    /// <summary>Whether the posted paper id is one worth looking up.</summary>
    public static bool IsPaperId([NotNullWhen(true)] string? paperId) => !string.IsNullOrWhiteSpace(paperId) && paperId.Length <= MaxPaperIdLength;

    /// <summary>"true" adds (a vote, a saved paper, the featured mark); anything else takes it back.</summary>
    public static bool IsOn(string? on) => string.Equals(on, "true", StringComparison.Ordinal);
}
