using System.Net;
using System.Text.Json;
using Digest.Core.Semantic;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Hosting;

public class EmbeddingServiceTests
{
    [Fact]
    public async Task SemanticOn_IngestedPapers_AreEmbeddedInTheBackground_WithProgressInStatusAndReadyz()
    {
        using var app = new DigestAppFactory(DigestAppFactory.WithSemanticSearch());
        using var client = app.CreateClient();
        var report = await app.IngestSampleAsync();

        // Embedding in progress never makes the app unready.
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using (var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
        {
            var semantic = json.RootElement.GetProperty("semantic");
            Assert.True(semantic.GetProperty("enabled").GetBoolean());
            Assert.Contains(semantic.GetProperty("state").GetString(), new[] { "loading", "embedding", "complete" });
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        JsonElement status;
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
            status = json.RootElement.GetProperty("semantic").Clone();
            if (status.GetProperty("state").GetString() == "complete" || DateTime.UtcNow > deadline) break;
            await Task.Delay(250);
        }

        Assert.Equal("complete", status.GetProperty("state").GetString());
        Assert.Equal("MiniLM", status.GetProperty("model").GetString());
        Assert.Equal(report.Added, status.GetProperty("embedded").GetInt32());
        Assert.Equal(report.Added, status.GetProperty("papers").GetInt32());
        Assert.True(status.GetProperty("papersPerSecond").GetDouble() > 0);
        Assert.Equal(report.Added, app.Services.GetRequiredService<SemanticIndex>().Count);
    }

    [Fact]
    public async Task SemanticOff_LoadsNoModel_AndStatusSaysOff()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();
        await app.IngestSampleAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/status"));

        var semantic = json.RootElement.GetProperty("semantic");
        Assert.False(semantic.GetProperty("enabled").GetBoolean());
        Assert.Equal("off", semantic.GetProperty("state").GetString());
        Assert.False(app.Services.GetRequiredService<TextEncoder>().IsLoaded);
        Assert.Equal(0, app.Services.GetRequiredService<SemanticIndex>().Count);
        Assert.Null(app.Services.GetRequiredService<QueryEmbedder>().Embed("language models"));
    }
}
