using System.Text.Json;
using Digest.Core.Papers;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

public class BibliographicFieldsPageTests
{
    // A snapshot record whose every bibliographic field tries to be markup.
    private const string Hostile = """
        {"id": "0704.0001", "submitter": "X", "authors": "C. Bal\\'azs and E. L. Berger", "title": "Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies", "comments": "37 pages <script>alert('c')</script>", "journal-ref": "Phys.Rev.D76:013009,2007 <img src=x onerror=alert(1)>", "doi": "10.1103/PhysRevD.76.013009\"><script>alert('d')</script>", "report-no": "<b>ANL-HEP-PR-07-12</b>", "categories": "hep-ph", "license": "http://creativecommons.org/licenses/by-nc-sa/4.0/", "abstract": "  A fully differential calculation.\n", "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}], "update_date": "2008-11-13", "authors_parsed": [["Bal\\'azs", "C.", ""], ["Berger", "E. L.", ""]]}
        """;

    private const string Doi = "10.1103/PhysRevD.76.013009\"><script>alert('d')</script>";

    [Fact]
    public async Task PaperPage_ShowsJournalRefCommentsReportNumberDoiAndLicence_AsText()
    {
        using var app = new DigestAppFactory();
        var report = await app.IngestAsync("snapshot.json", Hostile + "\n");
        Assert.Equal(1, report.Added);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/papers/0704.0001");
        var page = await Html.ParseAsync(html);

        Assert.Equal("Phys.Rev.D76:013009,2007 <img src=x onerror=alert(1)>", page.QuerySelector("[data-journal-ref]")!.TextContent);
        Assert.Equal("37 pages <script>alert('c')</script>", page.QuerySelector("[data-comments]")!.TextContent);
        Assert.Equal("<b>ANL-HEP-PR-07-12</b>", page.QuerySelector("[data-report-number]")!.TextContent);
        var doi = page.QuerySelector("[data-doi] a")!;
        Assert.Equal(Doi, doi.TextContent);
        Assert.Equal(DoiLinks.Resolver(Doi), doi.GetAttribute("href"));
        var license = page.QuerySelector("[data-license] a")!;
        Assert.Equal("CC BY-NC-SA 4.0", license.TextContent);
        Assert.Equal("http://creativecommons.org/licenses/by-nc-sa/4.0/", license.GetAttribute("href"));
        // Nothing from the record became markup.
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.Empty(page.QuerySelectorAll(".paper-facts b"));
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Api_ReturnsTheBibliographicFields()
    {
        using var app = new DigestAppFactory();
        await app.IngestAsync("snapshot.json", Hostile + "\n");
        using var client = app.CreateClient();

        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/papers/0704.0001"));
        var paper = api.RootElement;

        Assert.Equal("Phys.Rev.D76:013009,2007 <img src=x onerror=alert(1)>", paper.GetProperty("journalRef").GetString());
        Assert.Equal("37 pages <script>alert('c')</script>", paper.GetProperty("comments").GetString());
        Assert.Equal("<b>ANL-HEP-PR-07-12</b>", paper.GetProperty("reportNumber").GetString());
        Assert.Equal(Doi, paper.GetProperty("doi").GetString());
        Assert.Equal(DoiLinks.Resolver(Doi), paper.GetProperty("doiUrl").GetString());
        Assert.Equal("http://creativecommons.org/licenses/by-nc-sa/4.0/", paper.GetProperty("license").GetString());
        Assert.Equal("CC BY-NC-SA 4.0", paper.GetProperty("licenseName").GetString());
        Assert.Equal(["C. Balázs", "E. L. Berger"], paper.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task PaperWithoutThem_ShowsNone_AndAnUnsafeLicenceIsNeverALink()
    {
        using var app = new DigestAppFactory();
        await app.IngestAsync("p.jsonl", """{"arxiv_id": "2501.00009", "title": "A plain paper", "abstract": "Plain.", "authors": ["A. One"], "license": "javascript:alert(1)", "comments": "   "}""" + "\n");
        using var client = app.CreateClient();

        var page = await client.GetPageAsync("/papers/2501.00009");
        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/papers/2501.00009"));

        Assert.Null(page.QuerySelector("[data-journal-ref]"));
        Assert.Null(page.QuerySelector("[data-comments]"));
        Assert.Null(page.QuerySelector("[data-report-number]"));
        Assert.Null(page.QuerySelector("[data-doi]"));
        Assert.Null(page.QuerySelector("[data-license]"));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript:']"));
        Assert.Equal(JsonValueKind.Null, api.RootElement.GetProperty("license").ValueKind);
        Assert.Equal(JsonValueKind.Null, api.RootElement.GetProperty("comments").ValueKind);
    }

    [Fact]
    public async Task UnknownLicence_IsShownAsItsUrl()
    {
        using var app = new DigestAppFactory();
        await app.IngestAsync("p.jsonl", """{"arxiv_id": "2501.00010", "title": "A licensed paper", "abstract": "Licensed.", "license": "https://example.org/licence?a=1&b=<2>"}""" + "\n");
        using var client = app.CreateClient();

        var page = await client.GetPageAsync("/papers/2501.00010");

        var link = page.QuerySelector("[data-license] a")!;
        Assert.Equal("https://example.org/licence?a=1&b=%3C2%3E", link.GetAttribute("href"));
        Assert.Equal("https://example.org/licence?a=1&b=%3C2%3E", link.TextContent);
    }
}
