using System.Net;
using System.Text.Json;
using Digest.Core.Configuration;
using Digest.Core.Sources;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Web.Tests.Pages;

public class WithdrawnPaperTests
{
    [Fact]
    public async Task HarvestedDeletedRecord_LeavesSearch_ButThePaperPageAndApiStay_WithTheMark()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery("2024-11-01"), OaiPages.Page(1, 2, "t1"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1"), OaiPages.PageOf(
            """<record><header status="deleted"><identifier>oai:arXiv.org:2412.01001</identifier><datestamp>2024-12-05</datestamp></header></record>""",
            nextToken: null));
        using var app = new DigestAppFactory(new Dictionary<string, string?>
        {
            ["Digest:Sources:0:Name"] = "oai",
            ["Digest:Sources:0:Kind"] = "ArxivOai",
            ["Digest:Sources:0:BaseUrl"] = server.BaseUrl + OaiPages.Path,
            ["Digest:Sources:0:From"] = "2024-11-01",
            // Fetched by the test, not by the schedule.
            ["Digest:Sources:0:DailyAt"] = "23:59",
            ["Digest:Fetch:MinRequestSpacing"] = "00:00:00",
        });
        using var client = app.CreateClient();
        var runner = app.Services.GetRequiredService<RemoteSourceRunner>();
        var options = app.Services.GetRequiredService<IOptions<DigestOptions>>().Value;

        var result = await runner.RunAsync(options.Sources[0], CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=sparse+attention"));
        var ids = search.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("2412.01002", ids);
        Assert.DoesNotContain("2412.01001", ids);

        var page = await client.GetPageAsync("/papers/2412.01001");
        Assert.Equal("Withdrawn from arXiv on 5 December 2024", page.QuerySelector("[data-withdrawn]")!.TextContent);
        Assert.Equal("Harvested paper 2412.01001 on sparse attention", page.QuerySelector("h1")!.TextContent);
        Assert.Null((await client.GetPageAsync("/papers/2412.01002")).QuerySelector("[data-withdrawn]"));

        using var api = await client.GetAsync("/api/papers/2412.01001");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var paper = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal("2024-12-05", paper.RootElement.GetProperty("withdrawnOn").GetString());
        using var other = JsonDocument.Parse(await client.GetStringAsync("/api/papers/2412.01002"));
        Assert.Equal(JsonValueKind.Null, other.RootElement.GetProperty("withdrawnOn").ValueKind);
    }
}
