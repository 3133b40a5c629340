using Digest.Core.Papers;
using Digest.Core.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads a digest page saved as text: a few header lines, a date line such as <c>Mar 11</c>, then paragraphs
/// (separated by blank lines) alternating title and abstract. Several date lines split the page into days.
/// Papers get the digest day in <see cref="Paper.DigestDays"/>; the page says nothing about publication dates.
/// </summary>
public sealed class DigestTextParser : IPaperParser
{
    /// <summary>Longest single-line paragraph still taken for a title; abstracts are longer or span lines.</summary>
    public const int MaxTitleLineLength = 300;

    // Lines the trending-papers site puts above the list; matched whole, case-insensitively.
    private static readonly HashSet<string> HeaderLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "new", "Get trending papers in your email inbox!", "Subscribe", "byAK and the research community",
        "Daily Papers", "Trending Papers",
    };

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.DigestText;

    /// <inheritdoc />
    public bool Recognizes(string head)
    {
        var paragraphs = Paragraphs(new BoundedLineReader(new StringReader(head), head.Length)).Take(12).ToList();
        if (paragraphs.Any(p => p.Lines == 1 && (DigestDateLine.Matches(p.Text) || HeaderLines.Contains(p.Text)))) return true;
        // Without the page furniture: a short line followed by a long paragraph of prose.
        return paragraphs.Zip(paragraphs.Skip(1)).Any(pair => IsTitleCandidate(pair.First) && !IsTitleCandidate(pair.Second) && pair.Second.Text.Contains(' '));
    }

    /// <inheritdoc />
    public IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context)
    {
        var lines = new BoundedLineReader(reader, context.Limits.MaxFileBytes);
        // A page is small (67 papers is about 100 KB); holding its paragraphs allows looking one ahead.
        var paragraphs = Paragraphs(lines).ToList();
        if (lines.LimitExceeded)
        {
            yield return ParsedItem.Rejected(0, $"file is larger than the limit of {lines.MaxChars} characters");
            yield break;
        }
        if (paragraphs.Count == 0)
        {
            yield return ParsedItem.Rejected(0, "not a digest page: the file is empty");
            yield break;
        }
        if (paragraphs.Any(p => p.Text.Contains('\0')))
        {
            yield return ParsedItem.Rejected(0, "not a digest page: the file contains NUL characters (binary data)");
            yield break;
        }

        DateOnly? day = context.Date;
        var sawDateLine = false;
        var papers = 0;
        var warnedNoDate = false;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            if (paragraph.Lines == 1 && HeaderLines.Contains(paragraph.Text)) continue;
            if (paragraph.Lines == 1 && DigestDateLine.Parse(paragraph.Text) is { } parts)
            {
                sawDateLine = true;
                var (dateDay, problem) = ResolveDate(parts, paragraph, context);
                if (problem is not null)
                {
                    yield return ParsedItem.Rejected(paragraph.Line, problem);
                    continue;
                }
                day = dateDay;
                continue;
            }
            var next = i + 1 < paragraphs.Count ? paragraphs[i + 1] : null;
            if (!IsTitleCandidate(paragraph))
            {
                yield return ParsedItem.Rejected(paragraph.Line, $"a paragraph of {paragraph.Text.Length} characters with no title line before it");
                continue;
            }
            // Unknown page furniture above the first date line ("Daily Papers", a site name) is not a paper.
            if (!sawDateLine && papers == 0 && next is not null && next.Lines == 1 && DigestDateLine.Matches(next.Text))
            {
                context.Notes.Add($"line {paragraph.Line}: '{TextShortening.Shorten(paragraph.Text, 80)}' skipped as a page header");
                continue;
            }

            string abstractText = "";
            if (next is not null && IsAbstractOf(next, i + 2 < paragraphs.Count ? paragraphs[i + 2] : null))
            {
                abstractText = next.Text;
                i++;
            }
            else
            {
                context.Notes.Add($"line {paragraph.Line}: '{TextShortening.Shorten(paragraph.Text, 80)}' has no abstract");
            }
            if (day is null && !warnedNoDate)
            {
                context.Notes.Add($"line {paragraph.Line}: no date line before the first paper and no --date given; digest day unknown");
                warnedNoDate = true;
            }
            papers++;
            yield return ParsedItem.Accepted(paragraph.Line, new Paper
            {
                Id = PaperId.For(null, paragraph.Text),
                Title = paragraph.Text,
                Abstract = abstractText,
                DigestDays = day is { } d ? [d] : [],
                Sources = [Format.Name()],
            });
        }
        if (papers == 0) context.Notes.Add("no papers found: the page has only headers and date lines");
    }

    private static (DateOnly? Day, string? Problem) ResolveDate((int Month, int Day, int? Year) parts, Paragraph paragraph, ParseContext context)
    {
        // --date names the day outright, whatever the page says.
        if (context.Date is { } given) return (given, null);
        var year = parts.Year ?? context.Year;
        if (year is null)
        {
            year = DigestDateLine.InferYear(parts.Month, parts.Day, context.Today);
            if (year is null) return (null, $"'{paragraph.Text}' is not a valid date");
            context.Notes.Add($"line {paragraph.Line}: year inferred as {year} (no --year or --date given)");
        }
        if (year is < 1 or > 9999 || parts.Day < 1 || parts.Day > DateTime.DaysInMonth(year.Value, parts.Month))
            return (null, $"'{paragraph.Text}' is not a valid date in {year}");
        return (new DateOnly(year.Value, parts.Month, parts.Day), null);
    }

    private static bool IsTitleCandidate(Paragraph paragraph) => paragraph.Lines == 1 && paragraph.Text.Length <= MaxTitleLineLength;

    /// <summary>
    /// Whether <paramref name="candidate"/> is the abstract of the title before it. A long or multi-line paragraph is;
    /// a short one is the next title when a long paragraph follows it, else it is an abstract only if it reads as prose.
    /// </summary>
    private static bool IsAbstractOf(Paragraph candidate, Paragraph? after)
    {
        if (candidate.Lines == 1 && DigestDateLine.Matches(candidate.Text)) return false;
        if (!IsTitleCandidate(candidate)) return true;
        if (after is not null && !IsTitleCandidate(after)) return false;
        var text = candidate.Text;
        return text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') || text.Contains(". ", StringComparison.Ordinal);
    }

    /// <summary>Blank-line separated paragraphs with their first line number; lines are trimmed and joined with a space.</summary>
    private static IEnumerable<Paragraph> Paragraphs(BoundedLineReader lines)
    {
        var parts = new List<string>();
        var start = 0;
        while (lines.ReadLine() is { } raw)
        {
            var line = raw.Trim().Trim('\uFEFF').Trim();
            if (line.Length == 0)
            {
                if (parts.Count > 0) yield return new Paragraph(start, string.Join(' ', parts), parts.Count);
                parts.Clear();
                continue;
            }
            if (parts.Count == 0) start = lines.LineNumber;
            parts.Add(line);
        }
        if (parts.Count > 0 && !lines.LimitExceeded) yield return new Paragraph(start, string.Join(' ', parts), parts.Count);
    }

    private sealed record Paragraph(int Line, string Text, int Lines);
}
