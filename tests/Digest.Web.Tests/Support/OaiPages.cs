using System.Globalization;
using System.Text;
using System.Security;

namespace Digest.Web.Tests.Support;

/// <summary>
/// OAI-PMH <c>ListRecords</c> pages in arXiv's shape (arXivRaw records), written for a harvest test: page
/// <c>n</c> holds papers <c>2412.0nnnk</c>, and each page but the last ends with the token of the next.
/// </summary>
public static class OaiPages
{
    public const string Path = "/oai2";

    public const string ResponseDate = "2024-12-02T10:00:00Z";

    /// <summary>The arXiv ids on page <paramref name="page"/> (1-based).</summary>
    public static IReadOnlyList<string> Ids(int page, int perPage) =>
        Enumerable.Range(1, perPage).Select(i => $"2412.{page:00}{i:000}").ToList();

    /// <summary>Page <paramref name="page"/>; <paramref name="nextToken"/> null: the last page (an empty token, as arXiv ends a list).</summary>
    public static ScriptedResponse Page(int page, int perPage, string? nextToken, string responseDate = ResponseDate)
    {
        var records = new StringBuilder();
        foreach (var id in Ids(page, perPage)) records.Append(Record(id, $"Harvested paper {id} on sparse attention"));
        return Response(responseDate, $"<ListRecords>{records}{Token(nextToken)}</ListRecords>");
    }

    /// <summary>A page with the given records' XML inside <c>ListRecords</c>.</summary>
    public static ScriptedResponse PageOf(string recordsXml, string? nextToken, string responseDate = ResponseDate) =>
        Response(responseDate, $"<ListRecords>{recordsXml}{Token(nextToken)}</ListRecords>");

    /// <summary>An OAI-PMH error answer (<c>noRecordsMatch</c>, <c>badResumptionToken</c>, <c>badArgument</c>, ...).</summary>
    public static ScriptedResponse Error(string code, string message, string responseDate = ResponseDate) =>
        Response(responseDate, $"<error code=\"{code}\">{SecurityElement.Escape(message)}</error>");

    /// <summary>One arXivRaw record, v1 submitted on 2 December 2024.</summary>
    public static string Record(string arxivId, string title) => $"""
        <record><header><identifier>oai:arXiv.org:{arxivId}</identifier><datestamp>2024-12-02</datestamp><setSpec>cs</setSpec></header>
        <metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>{arxivId}</id>
        <version version="v1"><date>Mon, 2 Dec 2024 10:00:00 GMT</date><size>100kb</size></version>
        <title>{SecurityElement.Escape(title)}</title><authors>Ada Lovelace and Alan Turing</authors><categories>cs.LG</categories>
        <abstract>We study {SecurityElement.Escape(title)} with long documents.</abstract></arXivRaw></metadata></record>
        """;

    /// <summary>The query of the first request of a harvest, as the harvester writes it.</summary>
    public static string FirstQuery(string from, string? set = null, string prefix = "arXivRaw") =>
        $"?verb=ListRecords&metadataPrefix={prefix}&from={from}" + (set is null ? "" : $"&set={set}");

    /// <summary>The query of a later request.</summary>
    public static string TokenQuery(string token) => $"?verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}";

    private static string Token(string? next) =>
        next is null
            ? "<resumptionToken cursor=\"0\" completeListSize=\"0\"/>"
            : $"<resumptionToken cursor=\"0\" completeListSize=\"1000\">{SecurityElement.Escape(next)}</resumptionToken>";

    private static ScriptedResponse Response(string responseDate, string body) => new(200, $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <responseDate>{responseDate}</responseDate>
        <request verb="ListRecords">http://export.arxiv.org/oai2</request>
        {body}
        </OAI-PMH>
        """, "text/xml");

    /// <summary>A day as the harvester writes it in <c>from</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
