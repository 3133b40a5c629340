using System.Diagnostics;
using System.Globalization;
using System.Text;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Tests.Support;
using Xunit.Abstractions;

namespace Digest.Core.Tests.Ingestion.Fuzzing;

/// <summary>
/// A fuzz drill of every parser: the hand-made extremes of <see cref="FuzzHostileCases"/>, then mutations
/// (<see cref="ByteMutator"/>) of real inputs (<see cref="FuzzSeeds"/>) until the time budget is spent, each through
/// <see cref="ParserFuzzDriver"/> (parser, validator, index document, export round trip; per-case time limit and
/// memory bound), and one case in 100 also through the real <see cref="IngestService"/> into a store and an index.
/// <para>
/// The budget is 25 s per parser (about two minutes for all five), so the drill runs with every test run. Longer by
/// hand: <c>DIGEST_FUZZ_SECONDS=600 dotnet test tests/Digest.Core.Tests -c Release --filter "FullyQualifiedName~ParserFuzzTests"</c>.
/// Each run draws a new base seed and prints it with the executions per parser; a failure names its seed, case and
/// mutations and saves the input under the temp folder. <c>DIGEST_FUZZ_SEED=S DIGEST_FUZZ_CASE=N</c> runs exactly
/// that case again (<c>hN</c> for the N-th hand-made case).
/// </para>
/// </summary>
public class ParserFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSecondsPerParser = 25;
    private const int ServiceEvery = 100;
    private const int MaxReportedDefects = 5;

    public static TheoryData<SourceFormat> Formats() => [.. Enum.GetValues<SourceFormat>()];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Parse_MutatedRealInputs_NeverThrowHangOrExceedTheMemoryBound(SourceFormat format)
    {
        var budget = TimeSpan.FromSeconds(Setting("DIGEST_FUZZ_SECONDS") ?? DefaultSecondsPerParser);
        var baseSeed = Setting("DIGEST_FUZZ_SEED") ?? Random.Shared.Next();
        var only = Environment.GetEnvironmentVariable("DIGEST_FUZZ_CASE");
        var parser = PaperParsers.For(format);
        using var driver = new ParserFuzzDriver(parser);
        var seeds = FuzzSeeds.For(format);
        var defects = new List<string>();
        var clock = Stopwatch.StartNew();
        int handMade = 0, mutated = 0, throughService = 0;
        double worstBytesPerInputByte = 0;
        using var harness = new IngestHarness();

        var cases = FuzzHostileCases.For(format, seeds[0]).ToList();
        for (var k = 0; k < cases.Count && defects.Count < MaxReportedDefects; k++)
        {
            var id = $"h{k}";
            if (only is not null && only != id) continue;
            var input = cases[k].Build();
            var outcome = driver.Run(input);
            handMade++;
            // Small inputs allocate mostly fixed buffers; the ratio means something from a megabyte on.
            if (input.Length >= 1024 * 1024) worstBytesPerInputByte = Math.Max(worstBytesPerInputByte, (double)outcome.AllocatedBytes / input.Length);
            if (outcome.Defect is not null) defects.Add(Describe(format, baseSeed, id, cases[k].Name, input, outcome.Defect));
        }
        // The large hand-made inputs are garbage now; give their memory back before the mutations start.
        GC.Collect();

        var corpus = FuzzSeeds.All;
        // Every case draws from its own seed, so one case is replayed without the ones before it.
        var (first, last) = only is null ? (0, int.MaxValue) : only.StartsWith('h') ? (0, -1) : (CaseNumber(only), CaseNumber(only));
        for (var i = first; i <= last && (only is not null || clock.Elapsed < budget) && defects.Count < MaxReportedDefects; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            var random = new Random(CaseSeed(baseSeed, format, i));
            var seed = seeds[random.Next(seeds.Count)];
            var applied = new List<string>();
            var input = new ByteMutator(random).Mutate(seed, corpus, applied);
            var outcome = driver.Run(input);
            mutated++;
            if (outcome.Defect is not null)
            {
                defects.Add(Describe(format, baseSeed, id, string.Join("; ", applied), input, outcome.Defect));
                continue;
            }
            if (i % ServiceEvery == 0 && await ThroughServiceAsync(harness, format, input) is { } serviceDefect)
                defects.Add(Describe(format, baseSeed, id, string.Join("; ", applied) + " (through IngestService)", input, serviceDefect));
            if (i % ServiceEvery == 0) throughService++;
        }

        output.WriteLine($"{format.Name()}: {handMade + mutated:N0} executions in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"({handMade} hand-made, {mutated:N0} mutated, {throughService} of them also through IngestService); " +
            $"base seed {baseSeed}; at most {worstBytesPerInputByte:0.0} bytes allocated per input byte on the hand-made cases of 1 MB and more");
        Assert.True(defects.Count == 0, string.Join("\n\n", defects));
    }

    /// <summary>The whole ingest path, the format given as --format would give it: it must report, never throw.</summary>
    private static async Task<string?> ThroughServiceAsync(IngestHarness harness, SourceFormat format, byte[] input)
    {
        var ingest = harness.Service.IngestAsync([new IngestSource("fuzz", () => new MemoryStream(input))], new IngestRequest { Format = format, Origin = "fuzz" });
        var limit = ParserFuzzDriver.TimeLimit(input.Length) * 2;
        try
        {
            if (await Task.WhenAny(ingest, Task.Delay(limit)) != ingest) return $"IngestService gave no answer within {limit.TotalSeconds:0} s";
            await ingest;
            return null;
        }
        catch (Exception e)
        {
            return $"IngestService threw {e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
        }
    }

    private static int CaseSeed(int baseSeed, SourceFormat format, int i) => unchecked((baseSeed * 1_000_003) ^ ((int)format * 7_919) ^ (i * 104_729));

    private static int CaseNumber(string id) => int.Parse(id, CultureInfo.InvariantCulture);

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Describe(SourceFormat format, int baseSeed, string id, string what, byte[] input, string defect)
    {
        var path = Path.Combine(Path.GetTempPath(), $"digest-fuzz-{format.Name()}-{baseSeed}-{id}.bin");
        File.WriteAllBytes(path, input);
        var preview = Encoding.UTF8.GetString(input.AsSpan(0, Math.Min(input.Length, 200)));
        return $"{format.Name()} case {id} (DIGEST_FUZZ_SEED={baseSeed} DIGEST_FUZZ_CASE={id}): {what}\n" +
            $"input: {input.Length:N0} bytes, saved to {path}, starts '{preview}'\n{defect}";
    }
}
