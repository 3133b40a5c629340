using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Digest.Core.Papers;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Writes papers as JSON Lines (Digest's export format): one object per line with snake_case keys, dates as
/// <c>YYYY-MM-DD</c> and timestamps as ISO-8601 UTC. <see cref="JsonLinesParser"/> reads it back losslessly.
/// </summary>
public static class PaperJsonLinesWriter
{
    // Letters of every script stay readable; HTML-significant characters (<, >, &, quotes) are still escaped,
    // so an export opened in a browser cannot run markup from a paper.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Writes every paper as one line to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<Paper> papers)
    {
        foreach (var paper in papers) writer.Write(ToLine(paper));
    }

    /// <summary>Writes every paper as one line to <paramref name="writer"/>, flushing as it goes.</summary>
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<Paper> papers, CancellationToken cancellationToken)
    {
        await foreach (var paper in papers.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(ToLine(paper).AsMemory(), cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One paper as a JSON object followed by a newline.</summary>
    public static string ToLine(Paper paper)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString(PaperJsonNames.Id, paper.Id);
            json.WriteString(PaperJsonNames.ArxivId, paper.ArxivId);
            json.WriteString(PaperJsonNames.Title, paper.Title);
            json.WriteString(PaperJsonNames.Abstract, paper.Abstract);
            WriteStrings(json, PaperJsonNames.Authors, paper.Authors);
            if (paper.TexSource is { } tex) WriteTex(json, tex);
            WriteDay(json, PaperJsonNames.Published, paper.Published);
            WriteDay(json, PaperJsonNames.Revised, paper.Revised);
            json.WriteStartArray(PaperJsonNames.DigestDays);
            foreach (var day in paper.DigestDays) json.WriteStringValue(Day(day));
            json.WriteEndArray();
            WriteStrings(json, PaperJsonNames.Categories, paper.Categories);
            WriteStrings(json, PaperJsonNames.Keywords, paper.Keywords);
            WriteStrings(json, PaperJsonNames.CodeUrls, paper.CodeUrls);
            json.WriteString(PaperJsonNames.ProjectUrl, paper.ProjectUrl);
            json.WriteString(PaperJsonNames.Doi, paper.Doi);
            json.WriteString(PaperJsonNames.JournalRef, paper.JournalRef);
            json.WriteString(PaperJsonNames.Comments, paper.Comments);
            json.WriteString(PaperJsonNames.ReportNumber, paper.ReportNumber);
            json.WriteString(PaperJsonNames.License, paper.License);
            if (paper.Upvotes is { } upvotes) json.WriteNumber(PaperJsonNames.Upvotes, upvotes);
            else json.WriteNull(PaperJsonNames.Upvotes);
            WriteStrings(json, PaperJsonNames.Topics, paper.Topics);
            WriteStrings(json, PaperJsonNames.Sources, paper.Sources);
            json.WriteString(PaperJsonNames.FirstSeen, Timestamp(paper.FirstSeen));
            json.WriteString(PaperJsonNames.UpdatedAt, Timestamp(paper.UpdatedAt));
            // Only when set: exports of stores without withdrawn papers stay as they were.
            if (paper.WithdrawnOn is { } withdrawn) json.WriteString(PaperJsonNames.WithdrawnOn, Day(withdrawn));
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    // Only for papers whose text was decoded from TeX, and only the originals that differ: other lines stay as they were.
    private static void WriteTex(Utf8JsonWriter json, TexSource tex)
    {
        json.WriteStartObject(PaperJsonNames.Tex);
        if (tex.Title is not null) json.WriteString(PaperJsonNames.Title, tex.Title);
        if (tex.Abstract is not null) json.WriteString(PaperJsonNames.Abstract, tex.Abstract);
        if (tex.Authors is not null) WriteStrings(json, PaperJsonNames.Authors, tex.Authors);
        json.WriteEndObject();
    }

    private static void WriteDay(Utf8JsonWriter json, string name, DateOnly? day)
    {
        if (day is { } value) json.WriteString(name, Day(value));
        else json.WriteNull(name);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Full precision so that a round trip gives back the same instant.
    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
