using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Digest.Core.Papers;
using Digest.Core.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads arXiv's daily announcement feed of one category, RSS 2.0 (<c>rss.arxiv.org/rss/cs.LG</c>) or Atom
/// (<c>rss.arxiv.org/atom/cs.LG</c>). The channel's <c>pubDate</c> (Atom: the feed's <c>updated</c>) is the
/// announcement day. Each item's <c>arxiv:announce_type</c> says what it is: <c>new</c> and <c>cross</c> (a cross-list,
/// announced in this category that day) put the paper on that day's digest; <c>replace</c> and <c>replace-cross</c>
/// are a new version of an older paper, which revises it but does not put it on the day's digest. Positions are
/// 1-based item numbers. A feed without items (weekends, holidays) is read as empty, not as an error.
/// </summary>
public sealed partial class ArxivListingParser : IPaperParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XName AnnounceType = Arxiv + "announce_type";

    /// <summary>The announce types that put a paper on the day's digest.</summary>
    public static IReadOnlySet<string> DigestTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "new", "cross" };

    /// <summary>The announce types that are a new version of an older paper.</summary>
    public static IReadOnlySet<string> ReplaceTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "replace", "replace-cross" };

    // "arXiv:2412.00001v1 Announce Type: new \nAbstract: ..." — the description starts with the id and the type.
    [GeneratedRegex(@"^\s*arXiv:(?<id>\S+)\s+Announce\s+Type:\s*(?<type>[A-Za-z\-]+)\s*(?:Abstract:\s*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnnouncePrefix();

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.ArxivListing;

    /// <inheritdoc />
    public bool Recognizes(string head)
    {
        if (!head.AsSpan().TrimStart().StartsWith("<")) return false;
        var feed = head.Contains("<rss", StringComparison.Ordinal) || head.Contains("<feed", StringComparison.Ordinal);
        // The arXiv API's Atom feeds declare the arxiv namespace too, but never announce anything, nor link to rss.arxiv.org.
        return feed && (head.Contains("announce_type", StringComparison.Ordinal) || head.Contains("rss.arxiv.org", StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context)
    {
        using var xml = new XmlRecordReader(reader, context.Limits);
        var root = xml.ReadRoot();
        if (root is null)
        {
            yield return ParsedItem.Rejected(0, $"not an arXiv listing feed: {xml.Error}");
            yield break;
        }
        var rss = root == XName.Get("rss");
        if (!rss && root != Atom + "feed")
        {
            yield return ParsedItem.Rejected(0, $"not an arXiv listing feed (RSS 2.0 <rss> or Atom <feed>): the root element is <{root.LocalName}> in namespace '{root.NamespaceName}'");
            yield break;
        }
        XName item = rss ? "item" : Atom + "entry";
        XName[] dayElements = rss ? ["pubDate", "lastBuildDate"] : [Atom + "updated"];
        DateOnly? day = null;
        var position = 0;
        // Items are read whole, so a date element met on its own belongs to the channel (or feed), not to an item.
        while (xml.Next(name => name == item || dayElements.Contains(name)) is { } element)
        {
            if (element.Name != item)
            {
                day ??= ParseDay(element.Value);
                continue;
            }
            position++;
            yield return rss ? ReadRssItem(element, position, day) : ReadAtomEntry(element, position, day);
        }
        if (xml.Error is not null) yield return ParsedItem.Rejected(position + 1, $"{xml.Error}; reading stopped");
        else if (position == 0) context.Notes.Add("the feed has no items (no announcements that day)");
    }

    private ParsedItem ReadRssItem(XElement element, int position, DateOnly? channelDay)
    {
        var description = Text(element, "description") ?? "";
        return Read(position, () => Build(
            idCandidates: [Text(element, "link"), Text(element, "guid")],
            title: Text(element, "title") ?? "",
            text: description,
            authors: SplitAuthors(element.Elements(Dc + "creator").Select(c => c.Value)),
            categories: element.Elements("category").Select(c => c.Value.Trim()),
            announceType: Text(element, AnnounceType),
            day: channelDay ?? OptionalDay(Text(element, "pubDate"))));
    }

    private ParsedItem ReadAtomEntry(XElement element, int position, DateOnly? feedDay)
    {
        var authors = element.Elements(Atom + "author").Select(a => Text(a, Atom + "name")).OfType<string>()
            .Concat(element.Elements(Dc + "creator").Select(c => c.Value));
        return Read(position, () => Build(
            idCandidates: [Text(element, Atom + "id"), element.Elements(Atom + "link").Select(l => (string?)l.Attribute("href")).FirstOrDefault()],
            title: Text(element, Atom + "title") ?? "",
            text: Text(element, Atom + "summary") ?? "",
            authors: SplitAuthors(authors),
            categories: element.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")).OfType<string>(),
            announceType: Text(element, AnnounceType),
            day: feedDay ?? OptionalDay(Text(element, Atom + "published"))));
    }

    private static ParsedItem Read(int position, Func<Paper> build)
    {
        try
        {
            return ParsedItem.Accepted(position, build());
        }
        catch (RecordException ex)
        {
            return ParsedItem.Rejected(position, ex.Message);
        }
    }

    private Paper Build(string?[] idCandidates, string title, string text, IReadOnlyList<string> authors, IEnumerable<string> categories, string? announceType, DateOnly? day)
    {
        var prefix = AnnouncePrefix().Match(text);
        var arxivId = idCandidates.Select(ArxivIdOf).FirstOrDefault(id => id is not null)
            ?? (prefix.Success ? PaperId.TryParseArxiv(prefix.Groups["id"].Value) : null)
            ?? throw new RecordException($"item has no arXiv id (link, guid or 'arXiv:' prefix): '{TextShortening.Shorten(idCandidates.FirstOrDefault(c => c is not null) ?? "", 60)}'");
        var type = (announceType ?? (prefix.Success ? prefix.Groups["type"].Value : null))?.Trim()
            ?? throw new RecordException($"{arxivId}: item has no <arxiv:announce_type> (namespace {Arxiv.NamespaceName})");
        var onDigest = DigestTypes.Contains(type);
        if (!onDigest && !ReplaceTypes.Contains(type))
        {
            throw new RecordException($"{arxivId}: announce type '{TextShortening.Shorten(type, 40)}' is not one of new, cross, replace, replace-cross");
        }
        if (day is not { } announced) throw new RecordException($"{arxivId}: no announcement day (neither the feed nor the item has a date)");
        var isNew = type.Equals("new", StringComparison.OrdinalIgnoreCase);
        return new Paper
        {
            Id = PaperId.For(arxivId, title),
            ArxivId = arxivId,
            Title = title,
            Abstract = prefix.Success ? text[prefix.Length..] : text,
            Authors = authors,
            // A new paper's first version is announced that day; a replacement is a later version of an older one.
            // Cross-lists leave the dates to the paper's own category: it may have been announced there days before.
            Published = isNew ? announced : null,
            Revised = onDigest ? null : announced,
            DigestDays = onDigest ? [announced] : [],
            Categories = [.. categories.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
            Sources = [Format.Name()],
        };
    }

    private static string? ArxivIdOf(string? text)
    {
        if (text is null) return null;
        text = text.Trim();
        const string oaiPrefix = "oai:arXiv.org:";
        if (text.StartsWith(oaiPrefix, StringComparison.OrdinalIgnoreCase)) text = text[oaiPrefix.Length..];
        return PaperId.TryParseArxiv(text);
    }

    // dc:creator is one string of every author ("A, B and C"); the Atom feed may give one <name> per author instead.
    private static IReadOnlyList<string> SplitAuthors(IEnumerable<string> names) =>
        [.. names.SelectMany(name => AuthorList.Split(name))];

    private static DateOnly? OptionalDay(string? text) => text is null ? null : ParseDay(text);

    /// <summary>
    /// The day as the feed states it in its own zone (arXiv announces at midnight US Eastern, and that is the day it
    /// means): RFC 822 for RSS (<c>Mon, 02 Dec 2024 00:00:00 -0500</c>), ISO 8601 for Atom.
    /// </summary>
    private static DateOnly? ParseDay(string text)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var value)
            && char.IsAsciiDigit(text[0]))
        {
            return DateOnly.FromDateTime(value.DateTime);
        }
        var comma = text.IndexOf(',');
        var rfc822 = comma >= 0 ? text[(comma + 1)..].Trim() : text;
        rfc822 = rfc822.Replace(" GMT", " +0000", StringComparison.Ordinal).Replace(" UT", " +0000", StringComparison.Ordinal)
            .Replace(" EST", " -0500", StringComparison.Ordinal).Replace(" EDT", " -0400", StringComparison.Ordinal);
        string[] formats = ["d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss", "d MMM yyyy"];
        return DateTimeOffset.TryParseExact(rfc822, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value)
            ? DateOnly.FromDateTime(value.DateTime)
            : null;
    }

    private static string? Text(XElement parent, XName name) => parent.Element(name)?.Value;
}
