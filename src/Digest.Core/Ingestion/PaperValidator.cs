using Digest.Core.Configuration;
using Digest.Core.Papers;
using Digest.Core.Text;

namespace Digest.Core.Ingestion;

/// <summary>
/// The one gate every parsed paper passes before it is stored: cleans every text field, decodes the TeX in titles,
/// abstracts and author names (keeping the originals, see <see cref="TexSource"/>), enforces the
/// <see cref="IngestLimits"/>, derives the id and the code links found in the abstract.
/// Shared by all formats so that no source can bypass a limit.
/// </summary>
public static class PaperValidator
{
    /// <summary>The cleaned paper, or the precise reason it is rejected.</summary>
    public static (Paper? Paper, string? Problem) Validate(Paper paper, IngestLimits limits)
    {
        // Limits apply to the text as the source wrote it; decoding only shortens it.
        var title = TextCleaner.Clean(paper.Title);
        if (title.Length > limits.MaxTitleLength) return (null, $"title is {title.Length} characters; the limit is {limits.MaxTitleLength}");
        (title, var texTitle) = TexDecoding.Decode(title, paper.TexSource?.Title, limits.MaxTitleLength);
        if (title.Length == 0) return (null, "missing title");

        var abstractText = TextCleaner.Clean(paper.Abstract);
        if (abstractText.Length > limits.MaxAbstractLength) return (null, $"abstract is {abstractText.Length} characters; the limit is {limits.MaxAbstractLength}");
        (abstractText, var texAbstract) = TexDecoding.Decode(abstractText, paper.TexSource?.Abstract, limits.MaxAbstractLength);

        if (paper.Authors.Count > limits.MaxAuthors) return (null, $"{paper.Authors.Count} authors; the limit is {limits.MaxAuthors}");
        // The author list is ordered data and different people share names (2502.17823 has two "Hui Liu"):
        // duplicates are kept, only empty names are dropped.
        var authors = CleanList(paper.Authors, limits.MaxFieldLength, int.MaxValue, out var problem, "author name", keepDuplicates: true);
        if (problem is not null) return (null, problem);
        (authors, var texAuthors) = TexDecoding.DecodeNames(authors, paper.TexSource?.Authors, limits.MaxFieldLength);

        var categories = CleanList(paper.Categories, limits.MaxFieldLength, limits.MaxListItems, out problem, "category", keepDuplicates: false);
        if (problem is not null) return (null, problem);
        var keywords = CleanList(paper.Keywords, limits.MaxFieldLength, limits.MaxListItems, out problem, "keyword", keepDuplicates: false);
        if (problem is not null) return (null, problem);

        var codeUrls = paper.CodeUrls.Select(CodeLinkFinder.Normalize).OfType<string>()
            .Concat(CodeLinkFinder.Find(abstractText))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(limits.MaxListItems)
            .ToList();

        var arxivId = paper.ArxivId is null ? null : PaperId.TryParseArxiv(paper.ArxivId);
        if (paper.ArxivId is not null && arxivId is null) return (null, $"'{TextShortening.Shorten(paper.ArxivId, 40)}' is not an arXiv id");

        return (paper with
        {
            Id = PaperId.For(arxivId, title),
            ArxivId = arxivId,
            Title = title,
            Abstract = abstractText,
            Authors = authors,
            TexSource = TexSource.Of(texTitle, texAbstract, texAuthors),
            Categories = categories,
            Keywords = keywords,
            CodeUrls = codeUrls,
            ProjectUrl = SafeUrl(paper.ProjectUrl, limits),
            Doi = Identifier(paper.Doi, limits),
            JournalRef = Identifier(paper.JournalRef, limits),
            ReportNumber = Identifier(paper.ReportNumber, limits),
            // A comment is prose: a long one is shortened rather than lost (a cut identifier would be wrong, so those are dropped).
            Comments = TextCleaner.CleanOrNull(paper.Comments) is { } comments ? TextShortening.Shorten(comments, limits.MaxCommentsLength) : null,
            License = SafeUrl(paper.License, limits),
            Upvotes = paper.Upvotes is < 0 ? null : paper.Upvotes,
            DigestDays = paper.DigestDays.Distinct().Order().ToList(),
            Sources = paper.Sources.Distinct().ToList(),
            Topics = [],
        }, null);
    }

    /// <summary>Only absolute http(s) URLs are kept: anything else (javascript:, data:) could run in a reader's browser.</summary>
    public static string? SafeUrl(string? url, IngestLimits limits)
    {
        var cleaned = TextCleaner.CleanOrNull(url);
        if (cleaned is null || cleaned.Length > limits.MaxFieldLength) return null;
        return Uri.TryCreate(cleaned, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>A short bibliographic value (DOI, journal reference, report number): cleaned, and dropped when over the field limit.</summary>
    private static string? Identifier(string? value, IngestLimits limits) =>
        TextCleaner.CleanOrNull(value) is { } cleaned && cleaned.Length <= limits.MaxFieldLength ? cleaned : null;

    private static List<string> CleanList(IReadOnlyList<string> values, int maxLength, int maxItems, out string? problem, string what, bool keepDuplicates)
    {
        problem = null;
        var cleaned = new List<string>(values.Count);
        foreach (var value in values)
        {
            var item = TextCleaner.Clean(value);
            if (item.Length == 0) continue;
            if (item.Length > maxLength)
            {
                problem = $"{what} is {item.Length} characters; the limit is {maxLength}";
                return cleaned;
            }
            if (!keepDuplicates && cleaned.Contains(item)) continue;
            cleaned.Add(item);
        }
        if (cleaned.Count > maxItems) problem = $"{cleaned.Count} {what} values; the limit is {maxItems}";
        return cleaned;
    }
}
