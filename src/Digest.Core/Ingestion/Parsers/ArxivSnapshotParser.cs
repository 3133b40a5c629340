using System.Text;
using System.Text.Json;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads the arXiv metadata snapshot (the JSON Lines file of every arXiv paper that Kaggle distributes): one object per
/// line with <c>id</c>, <c>authors</c> as one string, <c>versions</c>, <c>update_date</c> and <c>authors_parsed</c>.
/// Positions are line numbers; blank lines are skipped; each bad line is one rejection and never stops the file.
/// Lines are capped at <see cref="MaxLineChars"/>, so the file may be far larger than memory (see <see cref="ReadsFilesOfAnySize"/>).
/// </summary>
public sealed class ArxivSnapshotParser : IPaperParser
{
    /// <summary>
    /// Longest line read, in characters. A collaboration of thousands of authors lists them twice (<c>authors</c> and
    /// <c>authors_parsed</c>), a few hundred KB; 4 M characters is far above any real record and keeps one line's
    /// text and its UTF-8 copy within about 20 MB.
    /// </summary>
    public const int MaxLineChars = 4 * 1024 * 1024;

    // The head check reads at most this much of the first line; the keys that tell the formats apart come first.
    private static readonly JsonReaderOptions DetectOptions = new() { MaxDepth = 8 };

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.ArxivSnapshot;

    /// <inheritdoc />
    public bool ReadsFilesOfAnySize => true;

    /// <summary>
    /// True when the first line is a JSON object with <c>id</c> and a snapshot key: <c>authors</c> as a string (Digest's
    /// own JSON Lines has an array there), <c>versions</c>, <c>update_date</c> or <c>authors_parsed</c>. The line may be
    /// cut by the end of the head: it is read as far as it goes.
    /// </summary>
    public bool Recognizes(string head)
    {
        var text = head.AsSpan().TrimStart();
        if (text.Length == 0 || text[0] != '{') return false;
        var end = text.IndexOf('\n');
        var line = Encoding.UTF8.GetBytes((end < 0 ? text : text[..end]).ToString());
        var json = new Utf8JsonReader(line, isFinalBlock: end >= 0, new JsonReaderState(DetectOptions));
        bool id = false, snapshotKey = false;
        try
        {
            while (json.Read())
            {
                if (json.TokenType != JsonTokenType.PropertyName || json.CurrentDepth != 1) continue;
                if (json.ValueTextEquals("id"u8)) id = true;
                else if (json.ValueTextEquals("versions"u8) || json.ValueTextEquals("update_date"u8) || json.ValueTextEquals("authors_parsed"u8)) snapshotKey = true;
                else if (json.ValueTextEquals("authors"u8) && json.Read() && json.TokenType == JsonTokenType.String) snapshotKey = true;
                if (id && snapshotKey) return true;
            }
        }
        catch (JsonException)
        {
            // Not JSON as far as it goes; the keys seen before the error still count.
        }
        return id && snapshotKey;
    }

    /// <inheritdoc />
    public IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context)
    {
        var lines = new CappedLineReader(reader, MaxLineChars, context.MaxFileChars);
        var records = new ArxivSnapshotRecordReader();
        var sawContent = false;
        while (true)
        {
            var status = lines.Read(out var line);
            if (status == LineStatus.End) break;
            if (status == LineStatus.NotText)
            {
                yield return sawContent
                    ? ParsedItem.Rejected(lines.LineNumber, "the line contains NUL bytes, so the rest of the file is not text (a file cut short or pre-allocated?); reading stopped")
                    : ParsedItem.Rejected(0, $"not an arXiv snapshot: line {lines.LineNumber} contains NUL bytes (a binary file?)");
                yield break;
            }
            if (status == LineStatus.TooLong)
            {
                yield return ParsedItem.Rejected(lines.LineNumber, $"the line is {lines.LineLength:N0} characters; the limit is {MaxLineChars:N0}");
                sawContent = true;
                continue;
            }
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!sawContent && line[0] == '\uFEFF') line = line[1..];
            if (!sawContent && !line.AsSpan().TrimStart().StartsWith("{"))
            {
                yield return ParsedItem.Rejected(0, $"not an arXiv snapshot: line {lines.LineNumber} does not start with '{{'");
                yield break;
            }
            sawContent = true;
            yield return records.Read(line, lines.LineNumber, lines.LineTerminated);
        }
        if (lines.LimitExceeded)
            yield return ParsedItem.Rejected(lines.LineNumber + 1, $"file is larger than the limit of {context.MaxFileChars:N0} characters; reading stopped");
        else if (!sawContent)
            yield return ParsedItem.Rejected(0, "not an arXiv snapshot: the file is empty");
    }
}
