namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads JSON Lines: one paper object per line, in the shape of <c>papers-dev.jsonl</c> or of Digest's own export
/// (<see cref="PaperJsonLinesWriter"/>). Blank lines are skipped; each bad line is rejected with its line number.
/// </summary>
public sealed class JsonLinesParser : IPaperParser
{
    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.JsonLines;

    /// <inheritdoc />
    public bool Recognizes(string head)
    {
        var text = head.AsSpan().TrimStart();
        return text.Length > 0 && text[0] == '{';
    }

    /// <inheritdoc />
    public IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context)
    {
        var lines = new BoundedLineReader(reader, context.Limits.MaxFileBytes);
        var records = new JsonLinePaperReader();
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
            yield return records.Read(line, lines.LineNumber);
        }
        if (lines.LimitExceeded)
            yield return ParsedItem.Rejected(lines.LineNumber + 1, $"file is larger than the limit of {lines.MaxChars} characters; reading stopped");
        else if (!sawContent)
            yield return ParsedItem.Rejected(0, "not JSON Lines: the file is empty");
    }
}
