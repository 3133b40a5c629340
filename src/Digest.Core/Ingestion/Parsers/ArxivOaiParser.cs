using System.Xml.Linq;
using Digest.Core.Papers;
using Digest.Core.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads arXiv OAI-PMH responses (<c>ListRecords</c> or <c>GetRecord</c>) in the <c>arXivRaw</c>, <c>arXiv</c> or
/// <c>oai_dc</c> metadata format. Positions are 1-based record numbers. A deleted record (<c>status="deleted"</c>) is a
/// withdrawal notice dated by its header's datestamp; OAI errors are rejections.
/// Dublin Core has no arXiv categories (its <c>dc:subject</c> is a subject name such as "Computer Science - Machine
/// Learning", not <c>cs.LG</c>), so papers read from <c>oai_dc</c> have none.
/// </summary>
public sealed class ArxivOaiParser : IPaperParser
{
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace Raw = "http://arxiv.org/OAI/arXivRaw/";
    private static readonly XNamespace ArxivFormat = "http://arxiv.org/OAI/arXiv/";
    private static readonly XNamespace OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XName Record = Oai + "record";
    private static readonly XName Error = Oai + "error";
    private static readonly XName ResumptionToken = Oai + "resumptionToken";

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.ArxivOai;

    /// <inheritdoc />
    public bool Recognizes(string head) =>
        head.AsSpan().TrimStart().StartsWith("<") && head.Contains("<OAI-PMH", StringComparison.Ordinal);

    /// <inheritdoc />
    public IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context)
    {
        using var xml = new XmlRecordReader(reader, context.Limits);
        var root = xml.ReadRoot();
        if (root is null)
        {
            yield return ParsedItem.Rejected(0, $"not an OAI-PMH response: {xml.Error}");
            yield break;
        }
        if (root != Oai + "OAI-PMH")
        {
            yield return ParsedItem.Rejected(0, $"not an OAI-PMH response: the root element is <{root.LocalName}> in namespace '{root.NamespaceName}'");
            yield break;
        }
        var position = 0;
        while (xml.Next(name => name == Record || name == Error || name == ResumptionToken) is { } element)
        {
            if (element.Name == Error)
            {
                yield return ParsedItem.Rejected(position, $"OAI-PMH error {(string?)element.Attribute("code") ?? "(no code)"}: {TextCleaner.Clean(element.Value)}");
            }
            else if (element.Name == ResumptionToken)
            {
                // Harvesting the next page is the caller's business; this file is read as it is.
                if (!string.IsNullOrWhiteSpace(element.Value))
                    context.Notes.Add($"the response continues (resumptionToken '{TextCleaner.Clean(element.Value)}'); only this page was read");
            }
            else
            {
                position++;
                yield return ReadRecord(element, position);
            }
        }
        if (xml.Error is not null) yield return ParsedItem.Rejected(position + 1, $"{xml.Error}; reading stopped");
    }

    private ParsedItem ReadRecord(XElement record, int position)
    {
        var header = record.Element(Oai + "header");
        if ((string?)header?.Attribute("status") == "deleted") return Withdrawal(header!, position);
        var metadata = record.Element(Oai + "metadata")?.Elements().FirstOrDefault();
        try
        {
            if (metadata is null) throw new RecordException("record has no <metadata>");
            var paper = metadata.Name == Raw + "arXivRaw" ? FromArxivRaw(metadata)
                : metadata.Name == ArxivFormat + "arXiv" ? FromArxiv(metadata)
                : metadata.Name == OaiDc + "dc" ? FromDublinCore(metadata)
                : throw new RecordException($"metadata format <{metadata.Name.LocalName}> ({metadata.Name.NamespaceName}) is not supported; use arXivRaw, arXiv or oai_dc");
            return ParsedItem.Accepted(position, paper);
        }
        catch (RecordException ex)
        {
            return ParsedItem.Rejected(position, ex.Message);
        }
    }

    private static ParsedItem Withdrawal(XElement header, int position)
    {
        var identifier = header.Element(Oai + "identifier")?.Value.Trim() ?? "";
        const string prefix = "oai:arXiv.org:";
        var arxivId = PaperId.TryParseArxiv(identifier.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? identifier[prefix.Length..] : identifier);
        var datestamp = header.Element(Oai + "datestamp")?.Value;
        var day = datestamp is null ? null : SourceDates.ParseDay(datestamp);
        if (arxivId is null) return ParsedItem.Rejected(position, $"deleted record '{TextShortening.Shorten(identifier, 60)}' has no arXiv id");
        if (day is null) return ParsedItem.Rejected(position, $"{arxivId}: deleted record without a datestamp (YYYY-MM-DD)");
        return ParsedItem.Withdrawn(position, arxivId, day.Value);
    }

    private Paper FromArxivRaw(XElement metadata)
    {
        var (arxivId, title) = IdAndTitle(metadata, Raw);
        var versions = metadata.Elements(Raw + "version").Select(v => v.Element(Raw + "date")?.Value).OfType<string>()
            .Select(text => SourceDates.ParseRfc1123Day(text) ?? throw new RecordException($"version date '{TextShortening.Shorten(text, 60)}' is not an RFC 1123 date"))
            .ToList();
        return new Paper
        {
            Id = PaperId.For(arxivId, title),
            ArxivId = arxivId,
            Title = title,
            Abstract = Text(metadata, Raw + "abstract") ?? "",
            Authors = AuthorList.Split(Text(metadata, Raw + "authors")),
            // Versions are listed oldest first: v1 is the publication, the last one the latest revision.
            Published = versions.Count > 0 ? versions[0] : null,
            Revised = versions.Count > 0 ? versions[^1] : null,
            Categories = SplitCategories(Text(metadata, Raw + "categories")),
            CodeUrls = CodeLinkFinder.Find(Text(metadata, Raw + "comments")),
            Doi = Text(metadata, Raw + "doi"),
            JournalRef = Text(metadata, Raw + "journal-ref"),
            Comments = Text(metadata, Raw + "comments"),
            ReportNumber = Text(metadata, Raw + "report-no"),
            License = Text(metadata, Raw + "license"),
            Sources = [Format.Name()],
        };
    }

    private Paper FromArxiv(XElement metadata)
    {
        var (arxivId, title) = IdAndTitle(metadata, ArxivFormat);
        var authors = metadata.Element(ArxivFormat + "authors")?.Elements(ArxivFormat + "author")
            .Select(a => string.Join(' ', new[] { "forenames", "keyname", "suffix" }
                .Select(part => a.Element(ArxivFormat + part)?.Value.Trim()).Where(part => !string.IsNullOrEmpty(part))))
            .Where(name => name.Length > 0)
            .ToList() ?? [];
        return new Paper
        {
            Id = PaperId.For(arxivId, title),
            ArxivId = arxivId,
            Title = title,
            Abstract = Text(metadata, ArxivFormat + "abstract") ?? "",
            Authors = authors,
            Published = Day(metadata, ArxivFormat + "created"),
            Revised = Day(metadata, ArxivFormat + "updated") ?? Day(metadata, ArxivFormat + "created"),
            Categories = SplitCategories(Text(metadata, ArxivFormat + "categories")),
            CodeUrls = CodeLinkFinder.Find(Text(metadata, ArxivFormat + "comments")),
            Doi = Text(metadata, ArxivFormat + "doi"),
            JournalRef = Text(metadata, ArxivFormat + "journal-ref"),
            Comments = Text(metadata, ArxivFormat + "comments"),
            ReportNumber = Text(metadata, ArxivFormat + "report-no"),
            License = Text(metadata, ArxivFormat + "license"),
            Sources = [Format.Name()],
        };
    }

    private Paper FromDublinCore(XElement metadata)
    {
        var identifiers = metadata.Elements(Dc + "identifier").Select(i => i.Value.Trim()).ToList();
        // The abs page URL is the record's arXiv id; a journal reference or a DOI may stand beside it.
        var arxivId = identifiers.Where(i => i.Contains("arxiv.org/abs/", StringComparison.OrdinalIgnoreCase)).Select(PaperId.TryParseArxiv).FirstOrDefault(id => id is not null)
            ?? throw new RecordException($"record has no dc:identifier with an arXiv abs URL (found: '{TextShortening.Shorten(string.Join(", ", identifiers), 80)}')");
        var title = Text(metadata, Dc + "title") ?? "";
        // arXiv writes the abstract as the first description and the author's comment ("Comment: 12 pages, code at ...") as a second.
        var descriptions = metadata.Elements(Dc + "description").Select(d => d.Value).ToList();
        var dates = metadata.Elements(Dc + "date").Select(d => d.Value)
            .Select(text => SourceDates.ParseDay(text) ?? throw new RecordException($"dc:date '{TextShortening.Shorten(text, 60)}' is not a date (YYYY-MM-DD)"))
            .ToList();
        var doi = identifiers.FirstOrDefault(i => i.StartsWith("doi:", StringComparison.OrdinalIgnoreCase))?[4..].Trim();
        var comment = descriptions.Skip(1).Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("Comment:", StringComparison.OrdinalIgnoreCase));
        return new Paper
        {
            Id = PaperId.For(arxivId, title),
            ArxivId = arxivId,
            Title = title,
            Abstract = descriptions.Count > 0 ? descriptions[0] : "",
            Authors = [.. metadata.Elements(Dc + "creator").Select(c => FirstNameFirst(c.Value)).Where(name => name.Length > 0)],
            // Dates are listed oldest first: the first version, then the revisions.
            Published = dates.Count > 0 ? dates[0] : null,
            Revised = dates.Count > 0 ? dates[^1] : null,
            CodeUrls = CodeLinkFinder.Find(string.Join('\n', descriptions.Skip(1))),
            Comments = comment is null ? null : comment["Comment:".Length..].Trim() is { Length: > 0 } text ? text : null,
            Doi = string.IsNullOrEmpty(doi) ? null : doi,
            Sources = [Format.Name()],
        };
    }

    /// <summary>"Lovelace, Ada" as "Ada Lovelace", "Yuan, C. -P., Jr" as "C. -P. Yuan Jr"; a name without a comma as it is.</summary>
    private static string FirstNameFirst(string creator)
    {
        var parts = creator.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => "",
            1 => parts[0],
            _ => string.Join(' ', parts.Skip(1).Take(1).Append(parts[0]).Concat(parts.Skip(2))),
        };
    }

    private static (string ArxivId, string Title) IdAndTitle(XElement metadata, XNamespace ns)
    {
        var id = Text(metadata, ns + "id") ?? throw new RecordException("record has no <id>");
        var arxivId = PaperId.TryParseArxiv(id) ?? throw new RecordException($"<id> '{TextShortening.Shorten(id, 60)}' is not an arXiv id");
        return (arxivId, Text(metadata, ns + "title") ?? "");
    }

    private static DateOnly? Day(XElement metadata, XName name)
    {
        var text = Text(metadata, name);
        if (text is null) return null;
        return SourceDates.ParseDay(text) ?? throw new RecordException($"<{name.LocalName}> is '{TextShortening.Shorten(text, 60)}', not a date (YYYY-MM-DD)");
    }

    private static string[] SplitCategories(string? text) =>
        text?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string? Text(XElement parent, XName name) => parent.Element(name)?.Value;
}
