using System.Xml.Linq;
using Digest.Core.Papers;
using Digest.Core.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads an arXiv API Atom feed (<c>export.arxiv.org/api/query</c>). Positions are 1-based entry numbers.
/// The API reports errors as a feed with a single entry titled <c>Error</c>; that becomes one rejection.
/// </summary>
public sealed class ArxivAtomParser : IPaperParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    private static readonly XName Entry = Atom + "entry";

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.ArxivAtom;

    /// <inheritdoc />
    public bool Recognizes(string head)
    {
        var text = head.AsSpan().TrimStart();
        return text.StartsWith("<") && head.Contains("<feed", StringComparison.Ordinal) && head.Contains(Atom.NamespaceName, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context)
    {
        using var xml = new XmlRecordReader(reader, context.Limits);
        var root = xml.ReadRoot();
        if (root is null)
        {
            yield return ParsedItem.Rejected(0, $"not an Atom feed: {xml.Error}");
            yield break;
        }
        if (root != Atom + "feed")
        {
            yield return ParsedItem.Rejected(0, $"not an Atom feed: the root element is <{root.LocalName}> in namespace '{root.NamespaceName}'");
            yield break;
        }
        var position = 0;
        while (xml.Next(name => name == Entry) is { } entry)
        {
            position++;
            yield return ReadEntry(entry, position);
        }
        if (xml.Error is not null) yield return ParsedItem.Rejected(position + 1, $"{xml.Error}; reading stopped");
        else if (position == 0) context.Notes.Add("the feed has no entries");
    }

    private ParsedItem ReadEntry(XElement entry, int position)
    {
        var id = Text(entry, Atom + "id");
        var title = Text(entry, Atom + "title") ?? "";
        var summary = Text(entry, Atom + "summary") ?? "";
        if (id is not null && id.Contains("arxiv.org/api/errors", StringComparison.OrdinalIgnoreCase))
            return ParsedItem.Rejected(position, $"arXiv API error: {TextCleaner.Clean(summary)}");
        try
        {
            if (id is null) throw new RecordException("entry has no <id>");
            var arxivId = PaperId.TryParseArxiv(id) ?? throw new RecordException($"entry id '{TextShortening.Shorten(id, 60)}' is not an arXiv id");
            var primary = entry.Element(Arxiv + "primary_category")?.Attribute("term")?.Value;
            var categories = entry.Elements(Atom + "category").Select(c => c.Attribute("term")?.Value).OfType<string>();
            var comment = Text(entry, Arxiv + "comment");
            return ParsedItem.Accepted(position, new Paper
            {
                Id = PaperId.For(arxivId, title),
                ArxivId = arxivId,
                Title = title,
                Abstract = summary,
                Authors = [.. entry.Elements(Atom + "author").Select(a => Text(a, Atom + "name")).OfType<string>()],
                Published = Day(entry, "published"),
                Revised = Day(entry, "updated"),
                Categories = [.. (primary is null ? categories : categories.Prepend(primary)).Distinct()],
                CodeUrls = CodeLinkFinder.Find(comment),
                Doi = Text(entry, Arxiv + "doi") ?? DoiFromLink(entry),
                // The API carries no report number or licence.
                JournalRef = Text(entry, Arxiv + "journal_ref"),
                Comments = comment,
                Sources = [Format.Name()],
            });
        }
        catch (RecordException ex)
        {
            return ParsedItem.Rejected(position, ex.Message);
        }
    }

    private static DateOnly? Day(XElement entry, string name)
    {
        var text = Text(entry, Atom + name);
        if (text is null) return null;
        return SourceDates.ParseDay(text) ?? throw new RecordException($"<{name}> is '{TextShortening.Shorten(text, 60)}', not an ISO-8601 date");
    }

    // The doi link's href is a resolver URL (http://dx.doi.org/10.1000/xyz); the DOI is its path.
    private static string? DoiFromLink(XElement entry)
    {
        var href = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("title") == "doi")?.Attribute("href")?.Value;
        if (href is null || !Uri.TryCreate(href, UriKind.Absolute, out var uri)) return null;
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/');
        return path.StartsWith("10.", StringComparison.Ordinal) ? path : null;
    }

    private static string? Text(XElement parent, XName name) => parent.Element(name)?.Value;
}
