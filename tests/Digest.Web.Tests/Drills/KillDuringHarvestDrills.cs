using Digest.Core.Sources;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Drills;

/// <summary>
/// kill -9 of a CLI <c>fetch</c> in the middle of an OAI-PMH harvest, after two of its three pages are stored and while
/// it waits for the third. The rerun must continue with the third page's token, not start over, and end with every
/// paper stored and indexed exactly once.
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class KillDuringHarvestDrills
{
    private const string From = "2024-11-01";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KillNine_OfACliHarvestAfterPageTwo_ResumesWithPageThreesToken_AndEndsWithEveryPaperOnce()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From), OaiPages.Page(1, 50, "t1"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1"), OaiPages.Page(2, 50, "t2"));
        // The killed process waits for this answer; the rerun gets the second.
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t2"), OaiPages.Page(3, 50, null) with { Delay = TimeSpan.FromMinutes(5) }, OaiPages.Page(3, 50, null));
        var data = Path.Combine(Path.GetTempPath(), "digest-drills", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["Digest__Sources__0__Name"] = "oai",
            ["Digest__Sources__0__Kind"] = "ArxivOai",
            ["Digest__Sources__0__BaseUrl"] = server.BaseUrl + OaiPages.Path,
            ["Digest__Sources__0__From"] = From,
            ["Digest__Fetch__MinRequestSpacing"] = "00:00:00",
        };
        try
        {
            using (var killed = DigestProcess.Start(data, ["fetch", "oai"], environment))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (!server.RequestsTo(OaiPages.Path).Any(r => r.Query == OaiPages.TokenQuery("t2")))
                {
                    Assert.False(killed.HasExited, $"fetch ended before page 3 was asked for:\n{killed.Output}");
                    Assert.True(clock.Elapsed < StepTimeout, $"page 3 was not asked for within {StepTimeout}:\n{killed.Output}");
                    await Task.Delay(20);
                }
                Assert.True(killed.KillHard(), "the harvest ended before the kill");
            }
            Assert.Equal(100, StoreProbe.CountPapers(data));

            using (var rerun = DigestProcess.Start(data, ["fetch", "oai"], environment))
            {
                Assert.True(await rerun.WaitForExitAsync(StepTimeout), $"the rerun did not end within {StepTimeout}:\n{rerun.Output}");
                Assert.True(rerun.ExitCode == 0, $"the rerun exited with {rerun.ExitCode}:\n{rerun.Output}");
                Assert.Contains("oai: 50 fetched, 50 added", rerun.Output);
            }

            Assert.Equal(
                [OaiPages.FirstQuery(From), OaiPages.TokenQuery("t1"), OaiPages.TokenQuery("t2"), OaiPages.TokenQuery("t2")],
                server.RequestsTo(OaiPages.Path).Select(r => r.Query));
            await using var host = await TestDataHost.StartAsync(dataDirectory: data);
            Assert.Equal(150, await host.Get<PaperStore>().CountAsync());
            var census = IndexCensus.Take(host.Index!);
            Assert.Equal(150, census.Documents);
            Assert.Equal(0, census.Duplicates);
            Assert.False((await host.Get<OaiHarvestStore>().GetAsync("oai"))!.InProgress);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }
}
