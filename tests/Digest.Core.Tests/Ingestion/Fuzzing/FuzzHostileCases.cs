using System.Text;
using Digest.Core.Ingestion;

namespace Digest.Core.Tests.Ingestion.Fuzzing;

/// <summary>
/// Hand-made extremes every parser gets once per drill, before the random mutations: deep nesting (10,000 levels of
/// JSON and of XML), huge fields (a 10 MB title, a 50 MB field on one line), many authors, byte-order marks of other
/// encodings, CR-only and CRLF line endings, NUL bytes. Built lazily, one at a time, to keep memory sane.
/// </summary>
internal static class FuzzHostileCases
{
    private const int Nesting = 10_000;
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    /// <summary>Named cases for <paramref name="format"/>; <paramref name="seed"/> is one of its real inputs.</summary>
    public static IEnumerable<(string Name, Func<byte[]> Build)> For(SourceFormat format, byte[] seed)
    {
        yield return ("json nested 10,000 deep in a field", () => Utf8(Record(format, authors: new string('[', Nesting) + new string(']', Nesting))));
        yield return ("json nested 10,000 deep", () => Utf8(new string('[', Nesting) + new string(']', Nesting)));
        yield return ("xml nested 10,000 deep in a record", () => Utf8(Record(format, authors: Repeat("<a>", Nesting) + Repeat("</a>", Nesting))));
        yield return ("xml nested 10,000 deep, unclosed", () => Utf8(Record(format, authors: Repeat("<a>", Nesting))));
        yield return ("10,000 nested parentheses in the authors", () => Utf8(Record(format, authors: Author(format, new string('(', Nesting) + "Hui Liu"))));
        yield return ("10 MB title", () => Utf8(Record(format, title: Words(TenMegabytes))));
        yield return ("10 MB abstract", () => Utf8(Record(format, abstractText: Words(TenMegabytes))));
        yield return ("50 MB field on one line", () => Utf8(Record(format, comment: Words(FiftyMegabytes))));
        yield return ("50 MB of one character, no newline", () => Enumerable.Repeat((byte)'a', FiftyMegabytes).ToArray());
        yield return ("100,000 authors", () => Utf8(Record(format, authors: string.Join(Separator(format), Enumerable.Repeat(Author(format, "Hui Liu"), 100_000)))));
        yield return ("1,000 homonym authors", () => Utf8(Record(format, authors: string.Join(Separator(format), Enumerable.Repeat(Author(format, "Hui Liu"), 1_000)))));
        yield return ("10,000 records", () => Utf8(Records(format, 10_000)));
        yield return ("100,000 blank lines", () => Utf8(new string('\n', 100_000) + Encoding.UTF8.GetString(seed)));
        yield return ("UTF-8 BOM only", () => [0xEF, 0xBB, 0xBF]);
        yield return ("two UTF-8 BOMs", () => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. seed]);
        yield return ("UTF-16 LE BOM before UTF-8", () => [0xFF, 0xFE, .. seed]);
        yield return ("UTF-16 LE encoded", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(seed))]);
        yield return ("UTF-32 BOM", () => [0xFF, 0xFE, 0x00, 0x00, .. seed]);
        yield return ("CR line endings", () => [.. seed.Select(b => b == '\n' ? (byte)'\r' : b)]);
        yield return ("CRLF line endings", () => Utf8(Encoding.UTF8.GetString(seed).Replace("\n", "\r\n", StringComparison.Ordinal)));
        yield return ("NUL bytes inside", () => [.. seed.Take(seed.Length / 2), 0, 0, 0, .. seed.Skip(seed.Length / 2)]);
        yield return ("invalid UTF-8 everywhere", () => [.. seed.SelectMany(b => b == ' ' ? new byte[] { 0xC0, 0xAF } : [b])]);
        yield return ("unpaired surrogate escapes and references", () => Utf8(Record(format, title: "\\ud800 &#xD800; \uFFFD", authors: Author(format, "\\udc00Hui"))));
        yield return ("non-ASCII digits in ids and dates", () => Utf8(Record(format, title: "Mar ١١", id: "٢٥٠٢.١٧٨٢٣")));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static string Words(int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length) builder.Append("lorem ipsum dolor sit amet ");
        return builder.ToString(0, length);
    }

    private static string Separator(SourceFormat format) => format is SourceFormat.ArxivAtom or SourceFormat.DigestText ? "" : ", ";

    /// <summary>One author in the markup of <paramref name="format"/> (OAI uses arXivRaw's plain author string).</summary>
    private static string Author(SourceFormat format, string name) => format switch
    {
        SourceFormat.HuggingFaceDaily => $"{{\"name\": \"{name}\"}}",
        SourceFormat.JsonLines => $"\"{name}\"",
        SourceFormat.ArxivAtom => $"<author><name>{name}</name></author>",
        _ => name,
    };

    private static string Records(SourceFormat format, int count)
    {
        var items = Enumerable.Range(0, count).Select(i => Item(format, $"Paper {i}", "Short.", Author(format, "A"), "", $"2401.{i:D5}"));
        return format switch
        {
            SourceFormat.HuggingFaceDaily => "[" + string.Join(',', items) + "]",
            SourceFormat.ArxivAtom => AtomStart + string.Concat(items) + "</feed>",
            SourceFormat.ArxivOai => OaiStart + string.Concat(items) + "</ListRecords></OAI-PMH>",
            _ => (format == SourceFormat.DigestText ? "Mar 11\n\n" : "") + string.Concat(items),
        };
    }

    /// <summary>
    /// One record of <paramref name="format"/> in its document. <paramref name="authors"/> is the markup of the author
    /// list (default: one author); the digest page has no authors, so it gets them as text.
    /// </summary>
    private static string Record(SourceFormat format, string title = "Homonyms", string abstractText = "An abstract.", string? authors = null, string comment = "", string id = "2502.17823")
    {
        var item = Item(format, title, abstractText, authors ?? Author(format, "Hui Liu"), comment, id);
        return format switch
        {
            SourceFormat.HuggingFaceDaily => "[" + item + "]",
            SourceFormat.ArxivAtom => AtomStart + item + "</feed>",
            SourceFormat.ArxivOai => OaiStart + item + "</ListRecords></OAI-PMH>",
            SourceFormat.DigestText => "Mar 11\n\n" + item,
            _ => item,
        };
    }

    private const string AtomStart = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">";

    private const string OaiStart = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>";

    private static string Item(SourceFormat format, string title, string abstractText, string authors, string comment, string id) => format switch
    {
        SourceFormat.HuggingFaceDaily => $$"""{"paper": {"id": "{{id}}", "title": "{{title}}", "summary": "{{abstractText}}{{comment}}", "authors": [{{authors}}]""" + "}}",
        SourceFormat.JsonLines => $$"""{"arxiv_id": "{{id}}", "title": "{{title}}", "abstract": "{{abstractText}}{{comment}}", "authors": [{{authors}}]}""" + "\n",
        SourceFormat.ArxivSnapshot => $$"""{"id": "{{id}}", "authors": "{{authors}}", "title": "{{title}}", "comments": "{{comment}}", "abstract": "{{abstractText}}", "versions": [{"version": "v1", "created": "Mon, 24 Feb 2025 10:00:00 GMT"}]}""" + "\n",
        SourceFormat.ArxivAtom => $"<entry><id>http://arxiv.org/abs/{id}v1</id><title>{title}</title><summary>{abstractText}</summary>{authors}<arxiv:comment>{comment}</arxiv:comment><updated>2025-02-24T00:00:00Z</updated></entry>",
        SourceFormat.ArxivOai => $"<record><header><identifier>oai:arXiv.org:{id}</identifier></header><metadata><arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\"><id>{id}</id><title>{title}</title><authors>{authors}</authors><comments>{comment}</comments><abstract>{abstractText}</abstract><version version=\"v1\"><date>Mon, 24 Feb 2025 10:00:00 GMT</date></version></arXivRaw></metadata></record>",
        _ => $"{title}\n\n{abstractText} {authors} {comment}\n\n",
    };
}
