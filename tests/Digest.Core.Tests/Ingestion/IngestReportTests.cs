using Digest.Core.Ingestion;
using Digest.Core.Tests.Support;

namespace Digest.Core.Tests.Ingestion;

/// <summary>The report's closing line says what happened, whatever mix of outcomes a run had.</summary>
public class IngestReportTests
{
    private static IngestReport Report(int unchanged, int rejected, int added = 0)
    {
        var report = new IngestReport();
        var file = new FileReport { File = "papers.jsonl", Format = "jsonl", Seen = unchanged + rejected + added, Unchanged = unchanged, Added = added };
        report.Files.Add(file);
        for (var i = 0; i < rejected; i++) report.Reject(file, i + 1, "missing 'title'");
        return report;
    }

    [Fact]
    public void ToText_EveryRecordRejected_SaysSoAndNotAlreadyStored()
    {
        var text = Report(unchanged: 0, rejected: 3).ToText();

        Assert.Contains("Nothing changed: every record was rejected.", text);
        Assert.DoesNotContain("already stored", text);
    }

    [Fact]
    public void ToText_UnchangedAndRejected_CountsBoth()
    {
        var text = Report(unchanged: 2, rejected: 1).ToText();

        Assert.Contains("Nothing changed: 2 records already stored, 1 record rejected.", text);
        Assert.DoesNotContain("every record", text);
    }

    [Fact]
    public void ToText_EveryRecordUnchanged_SaysEveryRecordWasAlreadyStored()
    {
        Assert.Contains("Nothing changed: every record was already stored.", Report(unchanged: 4, rejected: 0).ToText());
    }

    [Fact]
    public void ToText_SomethingAdded_HasNoNothingChangedLine()
    {
        Assert.DoesNotContain("Nothing changed", Report(unchanged: 1, rejected: 1, added: 1).ToText());
    }

    [Fact]
    public void ToText_NoFileReadable_SaysNoRecordsWereRead()
    {
        var report = new IngestReport();
        report.Files.Add(new FileReport { File = "junk.bin", Error = "not a text file" });

        Assert.Contains("Nothing changed: no records were read.", report.ToText());
    }

    [Fact]
    public async Task Ingest_FileWhoseRecordsAreAllRejected_ReportsThemRejectedNotStored()
    {
        using var harness = new IngestHarness(ownsIndex: false);

        var report = await harness.IngestTextAsync("bad.jsonl", "{\"abstract\": \"no title\"}\n{\"title\": 5}\n");

        Assert.Equal(2, report.Rejected);
        Assert.Contains("Nothing changed: every record was rejected.", report.ToText());
    }
}
