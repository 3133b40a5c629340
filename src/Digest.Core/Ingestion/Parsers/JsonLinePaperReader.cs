using System.Text;
using System.Text.Json;
using Digest.Core.Papers;
using Digest.Core.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads one JSON Lines record straight from its UTF-8 bytes with <see cref="Utf8JsonReader"/>: no document tree,
/// one reused buffer, so a 30 MB file parses in a fraction of a second. One instance per file; not thread-safe.
/// </summary>
internal sealed class JsonLinePaperReader
{
    // A paper object is flat apart from its arrays; deeper nesting is either a mistake or an attack.
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 8 };

    private byte[] _buffer = new byte[64 * 1024];

    /// <summary>One line as a paper, or the precise reason it is rejected.</summary>
    public ParsedItem Read(string line, int lineNumber)
    {
        // The exact size is counted only when the worst case (3 bytes a character) would not fit: a 50 MB line
        // then costs a 50 MB buffer, not 150 MB, and ordinary lines skip the extra pass.
        if (_buffer.Length < Encoding.UTF8.GetMaxByteCount(line.Length))
        {
            var bytes = Encoding.UTF8.GetByteCount(line);
            if (_buffer.Length < bytes) _buffer = new byte[bytes];
        }
        var length = Encoding.UTF8.GetBytes(line, _buffer);
        try
        {
            return ParsedItem.Accepted(lineNumber, ReadPaper(_buffer.AsSpan(0, length)));
        }
        catch (JsonException ex)
        {
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

        string? arxivId = null, title = null, abstractText = null, projectUrl = null, doi = null;
        string? journalRef = null, comments = null, reportNumber = null, license = null;
        DateOnly? published = null, revised = null, withdrawnOn = null;
        int? upvotes = null;
        DateTimeOffset? firstSeen = null, updatedAt = null;
        IReadOnlyList<string> authors = [], categories = [], keywords = [], codeUrls = [], topics = [], sources = [];
        IReadOnlyList<DateOnly> digestDays = [];
        TexSource? tex = null;

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonFields.Text(ref json, "property name");
            json.Read();
            switch (name)
            {
                case PaperJsonNames.ArxivId: arxivId = String(ref json, name); break;
                case PaperJsonNames.Title: title = String(ref json, name); break;
                case PaperJsonNames.Abstract: abstractText = String(ref json, name); break;
                case PaperJsonNames.Authors: authors = Strings(ref json, name); break;
                case PaperJsonNames.Tex: tex = Tex(ref json); break;
                case PaperJsonNames.Published: published = Day(ref json, name); break;
                case PaperJsonNames.Revised: revised = Day(ref json, name); break;
                case PaperJsonNames.DigestDays: digestDays = Days(ref json, name); break;
                case PaperJsonNames.Categories: categories = Strings(ref json, name); break;
                case PaperJsonNames.Keywords: keywords = Strings(ref json, name); break;
                case PaperJsonNames.CodeUrls: codeUrls = Strings(ref json, name); break;
                case PaperJsonNames.ProjectUrl: projectUrl = String(ref json, name); break;
                case PaperJsonNames.Doi: doi = String(ref json, name); break;
                case PaperJsonNames.JournalRef: journalRef = String(ref json, name); break;
                case PaperJsonNames.Comments: comments = String(ref json, name); break;
                case PaperJsonNames.ReportNumber: reportNumber = String(ref json, name); break;
                case PaperJsonNames.License: license = String(ref json, name); break;
                case PaperJsonNames.Upvotes: upvotes = Int(ref json, name); break;
                case PaperJsonNames.Topics: topics = Strings(ref json, name); break;
                case PaperJsonNames.Sources: sources = Strings(ref json, name); break;
                case PaperJsonNames.FirstSeen: firstSeen = Timestamp(ref json, name); break;
                case PaperJsonNames.UpdatedAt: updatedAt = Timestamp(ref json, name); break;
                case PaperJsonNames.WithdrawnOn: withdrawnOn = Day(ref json, name); break;
                // "id" is derived again below; "source" (papers-dev's upstream repository) and unknown keys are ignored.
                default: json.Skip(); break;
            }
        }
        // Anything after the object (a second value, garbage) makes the reader throw, as it should.
        if (json.Read()) throw new RecordException("unexpected content after the JSON object");

        if (title is null) throw new RecordException($"missing '{PaperJsonNames.Title}'");
        return new Paper
        {
            Id = PaperId.For(arxivId, title),
            ArxivId = arxivId,
            Title = title,
            Abstract = abstractText ?? "",
            Authors = authors,
            // Checked against the text by the validator: an original that does not decode to it is dropped.
            TexSource = tex,
            Published = published,
            Revised = revised,
            DigestDays = digestDays,
            Categories = categories,
            Keywords = keywords,
            CodeUrls = codeUrls,
            ProjectUrl = projectUrl,
            Doi = doi,
            JournalRef = journalRef,
            Comments = comments,
            ReportNumber = reportNumber,
            License = license,
            Upvotes = upvotes,
            Topics = topics,
            // The file's own sources are facts about the paper; this import adds one more.
            Sources = sources.Contains(JsonLinesName) ? sources : [.. sources, JsonLinesName],
            FirstSeen = firstSeen ?? default,
            UpdatedAt = updatedAt ?? default,
            WithdrawnOn = withdrawnOn,
        };
    }

    private static readonly string JsonLinesName = SourceFormat.JsonLines.Name();

    private static string? String(ref Utf8JsonReader json, string name) => json.TokenType switch
    {
        JsonTokenType.String => JsonFields.Text(ref json, name),
        JsonTokenType.Null => null,
        _ => throw WrongType(name, "a string", json.TokenType),
    };

    private static TexSource? Tex(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.Null) return null;
        if (json.TokenType != JsonTokenType.StartObject) throw WrongType(PaperJsonNames.Tex, "an object", json.TokenType);
        string? title = null, abstractText = null;
        IReadOnlyList<string>? authors = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonFields.Text(ref json, "property name");
            json.Read();
            var path = $"{PaperJsonNames.Tex}.{name}";
            switch (name)
            {
                case PaperJsonNames.Title: title = String(ref json, path); break;
                case PaperJsonNames.Abstract: abstractText = String(ref json, path); break;
                case PaperJsonNames.Authors: authors = json.TokenType == JsonTokenType.Null ? null : Strings(ref json, path); break;
                default: json.Skip(); break;
            }
        }
        return TexSource.Of(title, abstractText, authors);
    }

    private static List<string> Strings(ref Utf8JsonReader json, string name)
    {
        if (json.TokenType == JsonTokenType.Null) return [];
        if (json.TokenType != JsonTokenType.StartArray) throw WrongType(name, "an array of strings", json.TokenType);
        var values = new List<string>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.String) throw WrongType($"{name}[{values.Count}]", "a string", json.TokenType);
            values.Add(JsonFields.Text(ref json, $"{name}[{values.Count}]"));
        }
        return values;
    }

    private static DateOnly? Day(ref Utf8JsonReader json, string name)
    {
        var text = String(ref json, name);
        if (text is null) return null;
        return SourceDates.ParseDay(text) ?? throw NotADay(name, text);
    }

    private static List<DateOnly> Days(ref Utf8JsonReader json, string name)
    {
        var texts = Strings(ref json, name);
        var days = new List<DateOnly>(texts.Count);
        for (var i = 0; i < texts.Count; i++) days.Add(SourceDates.ParseDay(texts[i]) ?? throw NotADay($"{name}[{i}]", texts[i]));
        return days;
    }

    private static DateTimeOffset? Timestamp(ref Utf8JsonReader json, string name)
    {
        var text = String(ref json, name);
        if (text is null) return null;
        return SourceDates.ParseTimestamp(text) ?? throw new RecordException($"'{name}' is '{TextShortening.Shorten(text, 40)}', not an ISO-8601 timestamp");
    }

    private static int? Int(ref Utf8JsonReader json, string name) => json.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => json.TryGetInt32(out var value) ? value : throw new RecordException($"'{name}' is not a whole number within range"),
        _ => throw WrongType(name, "a number", json.TokenType),
    };

    private static RecordException NotADay(string name, string text) => new($"'{name}' is '{TextShortening.Shorten(text, 40)}', not a date (YYYY-MM-DD)");

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
