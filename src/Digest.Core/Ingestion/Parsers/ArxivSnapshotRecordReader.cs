using System.Text;
using System.Text.Json;
using Digest.Core.Papers;
using Digest.Core.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads one line of the arXiv snapshot straight from its UTF-8 bytes with <see cref="Utf8JsonReader"/>: keys are
/// compared as bytes, no document tree, one reused buffer. Text is kept as the source writes it (TeX, line wraps):
/// <see cref="PaperValidator"/> cleans it like every source's. One instance per file; not thread-safe.
/// </summary>
internal sealed class ArxivSnapshotRecordReader
{
    // A snapshot object nests three deep (authors_parsed: an array of arrays); deeper is a mistake or an attack.
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 8 };

    private static readonly string SourceName = SourceFormat.ArxivSnapshot.Name();

    private byte[] _buffer = new byte[64 * 1024];

    /// <summary>One line as a paper, or the precise reason it is rejected; <paramref name="terminated"/>: whether a newline ended it.</summary>
    public ParsedItem Read(string line, int lineNumber, bool terminated)
    {
        // As JsonLinePaperReader: the exact size is counted only when the worst case (3 bytes a character) would not fit.
        if (_buffer.Length < Encoding.UTF8.GetMaxByteCount(line.Length))
        {
            var bytes = Encoding.UTF8.GetByteCount(line);
            if (_buffer.Length < bytes) _buffer = new byte[bytes];
        }
        var length = Encoding.UTF8.GetBytes(line, _buffer);
        var utf8 = _buffer.AsSpan(0, length);
        try
        {
            return ParsedItem.Accepted(lineNumber, ReadPaper(utf8));
        }
        catch (JsonException ex)
        {
            // The last line of a file cut mid-object is the common case of broken JSON here: say so plainly.
            if (!terminated && EndsInsideValue(utf8))
                return ParsedItem.Rejected(lineNumber, $"the file ends in the middle of this record (after {line.Length:N0} characters): it was cut short");
            return ParsedItem.Rejected(lineNumber, $"invalid JSON at character {(ex.BytePositionInLine ?? 0) + 1}: {FirstSentence(ex.Message)}");
        }
        catch (RecordException ex)
        {
            return ParsedItem.Rejected(lineNumber, ex.Message);
        }
    }

    private static Paper ReadPaper(ReadOnlySpan<byte> utf8)
    {
        var json = new Utf8JsonReader(utf8, Options);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject) throw new RecordException("line is not a JSON object");

        string? id = null, authors = null, title = null, comments = null, journalRef = null, doi = null, reportNumber = null;
        string? categories = null, license = null, abstractText = null;
        DateOnly? updateDate = null;
        Versions versions = default;
        List<string>? parsedAuthors = null;

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("id"u8)) id = String(ref json, "id");
            else if (json.ValueTextEquals("authors"u8)) authors = String(ref json, "authors");
            else if (json.ValueTextEquals("title"u8)) title = String(ref json, "title");
            else if (json.ValueTextEquals("comments"u8)) comments = String(ref json, "comments");
            else if (json.ValueTextEquals("journal-ref"u8)) journalRef = String(ref json, "journal-ref");
            else if (json.ValueTextEquals("doi"u8)) doi = String(ref json, "doi");
            else if (json.ValueTextEquals("report-no"u8)) reportNumber = String(ref json, "report-no");
            else if (json.ValueTextEquals("categories"u8)) categories = String(ref json, "categories");
            else if (json.ValueTextEquals("license"u8)) license = String(ref json, "license");
            else if (json.ValueTextEquals("abstract"u8)) abstractText = String(ref json, "abstract");
            else if (json.ValueTextEquals("versions"u8)) versions = ReadVersions(ref json);
            else if (json.ValueTextEquals("update_date"u8)) updateDate = Day(ref json, "update_date");
            else if (json.ValueTextEquals("authors_parsed"u8)) parsedAuthors = ReadParsedAuthors(ref json);
            else
            {
                // "submitter" (who uploaded it, not an author) and keys a later snapshot adds.
                json.Read();
                json.Skip();
            }
        }
        // Anything after the object (a second value, garbage) makes the reader throw, as it should.
        if (json.Read()) throw new RecordException("unexpected content after the JSON object");

        if (id is null) throw new RecordException("missing 'id'");
        var arxivId = PaperId.TryParseArxiv(id) ?? throw new RecordException($"'id' is '{TextShortening.Shorten(id, 40)}', not an arXiv id");
        if (title is null) throw new RecordException("missing 'title'");
        return new Paper
        {
            Id = PaperId.For(arxivId, title),
            ArxivId = arxivId,
            Title = title,
            Abstract = abstractText ?? "",
            // authors_parsed keeps the order and splits names arXiv's way; the one string is the fallback.
            Authors = parsedAuthors is { Count: > 0 } ? parsedAuthors : AuthorList.Split(authors),
            Published = versions.First,
            Revised = versions.Latest ?? updateDate,
            Categories = categories?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [],
            CodeUrls = CodeLinkFinder.Find(comments),
            Doi = doi,
            JournalRef = journalRef,
            Comments = comments,
            ReportNumber = reportNumber,
            License = license,
            Sources = [SourceName],
        };
    }

    /// <summary>The days of v1 and of the latest version (by number; a version without a number counts by its place).</summary>
    private readonly record struct Versions(DateOnly? First, DateOnly? Latest);

    private static Versions ReadVersions(ref Utf8JsonReader json)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.Null) return default;
        if (json.TokenType != JsonTokenType.StartArray) throw WrongType("versions", "an array", json.TokenType);
        (int Number, DateOnly Day)? first = null, latest = null;
        var index = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var field = $"versions[{index}]";
            if (json.TokenType != JsonTokenType.StartObject) throw WrongType(field, "an object", json.TokenType);
            string? version = null, created = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.ValueTextEquals("version"u8)) version = String(ref json, field + ".version");
                else if (json.ValueTextEquals("created"u8)) created = String(ref json, field + ".created");
                else
                {
                    json.Read();
                    json.Skip();
                }
            }
            if (created is null) throw new RecordException($"missing '{field}.created'");
            var day = SourceDates.ParseRfc1123Day(created)
                ?? throw new RecordException($"'{field}.created' is '{TextShortening.Shorten(created, 40)}', not an RFC 822 date (Mon, 2 Apr 2007 19:18:42 GMT)");
            var number = VersionNumber(version) ?? index + 1;
            if (first is null || number < first.Value.Number) first = (number, day);
            if (latest is null || number >= latest.Value.Number) latest = (number, day);
            index++;
        }
        return new Versions(first?.Day, latest?.Day);
    }

    private static int? VersionNumber(string? version) =>
        version is { Length: > 1 } && (version[0] is 'v' or 'V') && int.TryParse(version.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>
    /// <c>[[last, first, suffix, affiliation...], ...]</c> as "first last suffix" in order; null when absent or malformed
    /// (anything but arrays of strings), so that the caller falls back to splitting <c>authors</c>.
    /// </summary>
    private static List<string>? ReadParsedAuthors(ref Utf8JsonReader json)
    {
        json.Read();
        if (json.TokenType != JsonTokenType.StartArray)
        {
            json.Skip();
            return null;
        }
        var depth = json.CurrentDepth;
        var names = new List<string>();
        var malformed = false;
        var parts = new string?[3];
        while (json.Read() && !(json.TokenType == JsonTokenType.EndArray && json.CurrentDepth == depth))
        {
            if (json.TokenType != JsonTokenType.StartArray)
            {
                malformed = true;
                json.Skip();
                continue;
            }
            Array.Clear(parts);
            var index = 0;
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (json.TokenType != JsonTokenType.String)
                {
                    malformed = true;
                    json.Skip();
                }
                // Elements past the suffix are affiliations: not part of the name.
                else if (index < parts.Length)
                {
                    parts[index] = JsonFields.Text(ref json, "authors_parsed");
                }
                index++;
            }
            var name = string.Join(' ', new[] { parts[1], parts[0], parts[2] }.Select(p => p?.Trim()).Where(p => !string.IsNullOrEmpty(p)));
            if (name.Length > 0) names.Add(name);
        }
        return malformed ? null : names;
    }

    private static string? String(ref Utf8JsonReader json, string name)
    {
        json.Read();
        return json.TokenType switch
        {
            JsonTokenType.String => JsonFields.Text(ref json, name),
            JsonTokenType.Null => null,
            _ => throw WrongType(name, "a string", json.TokenType),
        };
    }

    private static DateOnly? Day(ref Utf8JsonReader json, string name)
    {
        var text = String(ref json, name);
        if (text is null) return null;
        return SourceDates.ParseDay(text) ?? throw new RecordException($"'{name}' is '{TextShortening.Shorten(text, 40)}', not a date (YYYY-MM-DD)");
    }

    /// <summary>True when <paramref name="utf8"/> is valid JSON as far as it goes but stops inside a value: a cut-off record.</summary>
    private static bool EndsInsideValue(ReadOnlySpan<byte> utf8)
    {
        var json = new Utf8JsonReader(utf8, isFinalBlock: false, new JsonReaderState(Options));
        try
        {
            while (json.Read())
            {
            }
            return json.CurrentDepth > 0 || json.BytesConsumed < utf8.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static RecordException WrongType(string name, string expected, JsonTokenType actual) => new($"'{name}' must be {expected}, not {actual switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    }}");

    // System.Text.Json messages end with a path and position the reason already states.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
