using System.Text.Json;
using Digest.Core.Papers;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads JSON Lines: one paper object per line, in the shape of <c>papers-dev.jsonl</c> or of Digest's own export
/// (<see cref="PaperJsonLinesWriter"/>). Blank lines are skipped; each bad line is rejected with its line number.
/// </summary>
public sealed class JsonLinesParser : IPaperParser
{
    // A paper object is flat apart from its arrays; deeper nesting is either a mistake or an attack.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    public SourceFormat Format => SourceFormat.JsonLines;

    public bool Recognizes(string head)
    {
        var text = head.AsSpan().TrimStart();
        return text.Length > 0 && text[0] == '{';
    }

    public IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context)
    {
        var lines = new BoundedLineReader(reader, context.Limits.MaxFileBytes);
        var sawContent = false;
        while (lines.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!sawContent && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            if (!sawContent && !line.AsSpan().TrimStart().StartsWith("{"))
            {
                yield return ParsedItem.Rejected(0, $"not JSON Lines: line {lines.LineNumber} does not start with '{{'");
                yield break;
            }
            sawContent = true;
            yield return ReadLine(line, lines.LineNumber);
        }
        if (lines.LimitExceeded)
            yield return ParsedItem.Rejected(lines.LineNumber + 1, $"file is larger than the limit of {lines.MaxChars} characters; reading stopped");
        else if (!sawContent)
            yield return ParsedItem.Rejected(0, "not JSON Lines: the file is empty");
    }

    /// <summary>One line as a paper, or the reason it is rejected.</summary>
    internal static ParsedItem ReadLine(string line, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return ParsedItem.Rejected(lineNumber, $"invalid JSON at character {(ex.BytePositionInLine ?? 0) + 1}: {FirstSentence(ex.Message)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return ParsedItem.Rejected(lineNumber, "line is not a JSON object");
            try
            {
                return ParsedItem.Accepted(lineNumber, ToPaper(root));
            }
            catch (RecordException ex)
            {
                return ParsedItem.Rejected(lineNumber, ex.Message);
            }
        }
    }

    private static Paper ToPaper(JsonElement root)
    {
        var title = JsonFields.RequiredString(root, PaperJsonNames.Title);
        var arxivId = JsonFields.String(root, PaperJsonNames.ArxivId);
        var sources = JsonFields.Strings(root, PaperJsonNames.Sources);
        return new Paper
        {
            Id = PaperId.For(arxivId, title),
            ArxivId = arxivId,
            Title = title,
            Abstract = JsonFields.String(root, PaperJsonNames.Abstract) ?? "",
            Authors = JsonFields.Strings(root, PaperJsonNames.Authors),
            Published = JsonFields.Day(root, PaperJsonNames.Published),
            Revised = JsonFields.Day(root, PaperJsonNames.Revised),
            DigestDays = JsonFields.Days(root, PaperJsonNames.DigestDays),
            Categories = JsonFields.Strings(root, PaperJsonNames.Categories),
            Keywords = JsonFields.Strings(root, PaperJsonNames.Keywords),
            CodeUrls = JsonFields.Strings(root, PaperJsonNames.CodeUrls),
            ProjectUrl = JsonFields.String(root, PaperJsonNames.ProjectUrl),
            Doi = JsonFields.String(root, PaperJsonNames.Doi),
            Upvotes = JsonFields.Int(root, PaperJsonNames.Upvotes),
            Topics = JsonFields.Strings(root, PaperJsonNames.Topics),
            // The file's own sources are facts about the paper; this import adds one more.
            Sources = [.. sources.Append(SourceFormat.JsonLines.Name()).Distinct()],
            FirstSeen = JsonFields.Timestamp(root, PaperJsonNames.FirstSeen) ?? default,
            UpdatedAt = JsonFields.Timestamp(root, PaperJsonNames.UpdatedAt) ?? default,
        };
    }

    // System.Text.Json messages end with a path and position the reason already states.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
