using Digest.Core.Papers;

namespace Digest.Core.Ingestion;

/// <summary>
/// The merge rules for a paper seen again (another version, another source, another digest day):
/// facts are added, nothing known is lost.
/// <list type="bullet">
/// <item>Title, abstract and authors: a newer arXiv version (later <see cref="Paper.Revised"/>) replaces them; otherwise the first known are kept and only blanks are filled.
/// The author list is replaced whole, never united: it is ordered, and two names that are equal may be two people.
/// A list that only adds back repeated names to the known one replaces it too (stores from before homonyms were kept).</item>
/// <item>The TeX originals (<see cref="Paper.TexSource"/>) go with the title, abstract and authors they belong to.</item>
/// <item>Lists (digest days, categories, keywords, code links, sources): union, known values first in their order.</item>
/// <item>Published: the earliest; revised: the latest; upvotes: the highest; ids, DOI, project page: the first known.</item>
/// <item>Journal reference, comments, report number, licence: the latest source that states one (arXiv updates them with
/// a new version or a publication); a source that says nothing leaves them as they are.</item>
/// <item>First seen: the earliest (an imported export keeps its history). Withdrawn: the first day known; a withdrawal is final.</item>
/// </list>
/// </summary>
public static class PaperMerger
{
    /// <summary>The merged paper, and whether it differs from <paramref name="existing"/> in any fact.</summary>
    public static (Paper Merged, bool Changed) Merge(Paper existing, Paper incoming)
    {
        var newerVersion = incoming.Revised is { } r && (existing.Revised is null || r > existing.Revised);
        var takeText = newerVersion && incoming.Abstract.Length > 0;

        var title = takeText ? incoming : existing;
        var abstractFrom = (takeText || existing.Abstract.Length == 0) && incoming.Abstract.Length > 0 ? incoming : existing;
        var authorsFrom = ((takeText && incoming.Authors.Count > 0) || existing.Authors.Count == 0 || RestoresHomonyms(existing.Authors, incoming.Authors))
            && incoming.Authors.Count > 0
            ? incoming
            : existing;

        var merged = existing with
        {
            Id = existing.ArxivId is null && incoming.ArxivId is not null ? incoming.Id : existing.Id,
            ArxivId = existing.ArxivId ?? incoming.ArxivId,
            Title = title.Title,
            Abstract = abstractFrom.Abstract,
            Authors = authorsFrom.Authors,
            // Each TeX original goes with the text it was decoded to, from whichever paper that text came.
            TexSource = TexSource.Of(title.TexSource?.Title, abstractFrom.TexSource?.Abstract, authorsFrom.TexSource?.Authors),
            Published = Earliest(existing.Published, incoming.Published),
            Revised = Latest(existing.Revised, incoming.Revised),
            DigestDays = Union(existing.DigestDays, incoming.DigestDays).Order().ToList(),
            Categories = Union(existing.Categories, incoming.Categories),
            Keywords = Union(existing.Keywords, incoming.Keywords),
            CodeUrls = Union(existing.CodeUrls, incoming.CodeUrls),
            ProjectUrl = existing.ProjectUrl ?? incoming.ProjectUrl,
            Doi = existing.Doi ?? incoming.Doi,
            JournalRef = incoming.JournalRef ?? existing.JournalRef,
            Comments = incoming.Comments ?? existing.Comments,
            ReportNumber = incoming.ReportNumber ?? existing.ReportNumber,
            License = incoming.License ?? existing.License,
            Upvotes = existing.Upvotes is null ? incoming.Upvotes : incoming.Upvotes is null ? existing.Upvotes : Math.Max(existing.Upvotes.Value, incoming.Upvotes.Value),
            Sources = Union(existing.Sources, incoming.Sources),
            FirstSeen = incoming.FirstSeen != default && incoming.FirstSeen < existing.FirstSeen ? incoming.FirstSeen : existing.FirstSeen,
            WithdrawnOn = existing.WithdrawnOn ?? incoming.WithdrawnOn,
        };
        return (merged, !SameFacts(existing, merged));
    }

    /// <summary>True when two papers carry the same facts (topics and timestamps aside: they are derived).</summary>
    public static bool SameFacts(Paper a, Paper b) =>
        a.Id == b.Id && a.ArxivId == b.ArxivId && a.Title == b.Title && a.Abstract == b.Abstract
        && a.Authors.SequenceEqual(b.Authors) && a.Published == b.Published && a.Revised == b.Revised
        && a.DigestDays.SequenceEqual(b.DigestDays) && a.Categories.SequenceEqual(b.Categories)
        && a.Keywords.SequenceEqual(b.Keywords) && a.CodeUrls.SequenceEqual(b.CodeUrls)
        && a.ProjectUrl == b.ProjectUrl && a.Doi == b.Doi && a.Upvotes == b.Upvotes
        && a.JournalRef == b.JournalRef && a.Comments == b.Comments && a.ReportNumber == b.ReportNumber && a.License == b.License
        && a.Sources.SequenceEqual(b.Sources) && a.FirstSeen == b.FirstSeen && TexSource.Same(a.TexSource, b.TexSource)
        && a.WithdrawnOn == b.WithdrawnOn;

    /// <summary>
    /// True when <paramref name="incoming"/> is <paramref name="known"/> with repeated names back in place: earlier versions
    /// of Digest dropped a second author of the same name, so a stored list may be exactly the incoming one de-duplicated.
    /// Seeing the record again then restores the lost author, without a newer version.
    /// </summary>
    private static bool RestoresHomonyms(IReadOnlyList<string> known, IReadOnlyList<string> incoming) =>
        incoming.Count > known.Count && incoming.Distinct(StringComparer.Ordinal).SequenceEqual(known, StringComparer.Ordinal);

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static List<T> Union<T>(IReadOnlyList<T> known, IReadOnlyList<T> added)
    {
        if (added.Count == 0) return known as List<T> ?? [.. known];
        var result = new List<T>(known);
        foreach (var value in added)
        {
            if (!result.Contains(value)) result.Add(value);
        }
        return result;
    }
}
