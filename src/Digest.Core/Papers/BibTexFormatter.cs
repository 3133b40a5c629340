using System.Globalization;
using System.Text;

namespace Digest.Core.Papers;

/// <summary>
/// A BibTeX entry for a paper: <c>@misc</c> with arXiv's eprint fields, the form arXiv itself exports for preprints.
/// Every value is escaped, so titles with braces, <c>%</c>, <c>&amp;</c> or stray backslashes cannot break the file.
/// </summary>
public static class BibTexFormatter
{
    private static readonly HashSet<string> SkippedTitleWords = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the", "on", "of", "in", "for", "to", "and", "with" };

    /// <summary>The entry, with a citation key from the first author's surname, the year and the first title word (<c>lovelace2025fine</c>).</summary>
    public static string Format(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var date = paper.Published ?? (paper.DigestDays.Count > 0 ? paper.DigestDays[0] : null);
        var fields = new List<(string Name, string Value)> { ("title", "{" + Escape(paper.Title) + "}") };
        if (paper.Authors.Count > 0) fields.Add(("author", string.Join(" and ", paper.Authors.Select(Author))));
        if (date is { } d)
        {
            fields.Add(("year", d.Year.ToString(CultureInfo.InvariantCulture)));
            fields.Add(("month", d.ToString("MMM", CultureInfo.InvariantCulture).ToLowerInvariant()));
        }
        if (paper.ArxivId is not null)
        {
            fields.Add(("eprint", Escape(paper.ArxivId)));
            fields.Add(("archivePrefix", "arXiv"));
            if (paper.Categories.Count > 0) fields.Add(("primaryClass", Escape(paper.Categories[0])));
        }
        if (paper.Doi is not null) fields.Add(("doi", Escape(paper.Doi)));
        if ((paper.AbsUrl ?? paper.ProjectUrl) is { } url) fields.Add(("url", EscapeUrl(url)));

        var entry = new StringBuilder();
        entry.Append("@misc{").Append(CitationKey(paper, date)).Append(",\n");
        foreach (var (name, value) in fields)
        {
            // month is a BibTeX macro (jan, feb, ...): written bare, every other value in braces.
            entry.Append("  ").Append(name).Append(" = ").Append(name == "month" ? value : "{" + value + "}").Append(",\n");
        }
        entry.Append("}\n");
        return entry.ToString();
    }

    /// <summary>The citation key: ASCII letters of the first author's surname, the year, the first significant title word.</summary>
    public static string CitationKey(Paper paper, DateOnly? date)
    {
        var surname = paper.Authors.Count > 0 ? AsciiLetters(paper.Authors[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]) : "";
        var titleWord = paper.Title.Split([' ', '-', ':', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(AsciiLetters)
            .FirstOrDefault(w => w.Length > 0 && !SkippedTitleWords.Contains(w)) ?? "";
        var key = (surname.Length > 0 ? surname : "anon") + (date?.Year.ToString(CultureInfo.InvariantCulture) ?? "") + titleWord;
        return key.ToLowerInvariant();
    }

    /// <summary>Escapes LaTeX's special characters so the text reads literally.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '&' => @"\&",
                '%' => @"\%",
                '$' => @"\$",
                '#' => @"\#",
                '_' => @"\_",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static string Author(string name)
    {
        var escaped = Escape(name.Trim());
        // A name containing " and " or a comma would be split or reordered by BibTeX: brace it as one unit.
        return escaped.Contains(" and ", StringComparison.OrdinalIgnoreCase) || escaped.Contains(',') ? "{" + escaped + "}" : escaped;
    }

    // URLs are read verbatim by the url package; only braces and percent signs can break the entry.
    private static string EscapeUrl(string url) => url.Replace("%", @"\%", StringComparison.Ordinal).Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal);

    private static string AsciiLetters(string text)
    {
        var letters = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c)) letters.Append(c);
        }
        return letters.ToString();
    }
}
