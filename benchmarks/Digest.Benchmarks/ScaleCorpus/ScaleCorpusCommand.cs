using System.Diagnostics;
using System.Globalization;
using Digest.Core.Ingestion.Parsers;

namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>
/// <c>corpus --papers N --out FILE [--part-papers N] [--data papers-dev.jsonl] [--seed 42]</c>: writes a realistic corpus of N papers
/// in Digest's JSON Lines format (what <c>digest export</c> writes and <c>digest ingest</c> reads), streaming, and
/// prints its throughput and spreads. See <see cref="ScalePaperGenerator"/> for how the papers are made.
/// </summary>
public static class ScaleCorpusCommand
{
    public const string Usage = "corpus --papers N --out FILE [--part-papers N (FILE is then a folder of part-NNNN.jsonl)] [--data PATH-TO-papers-dev.jsonl] [--seed 42]";

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var clock = Stopwatch.StartNew();
        var seeds = SeedPapers.Read(options.DataPath);
        Console.WriteLine($"# corpus: {options.Papers:N0} papers from {seeds.Papers.Count:N0} seeds ({options.DataPath}), seed {options.Seed}, into {options.OutPath}");
        Console.WriteLine($"# name parts: {seeds.FirstNames.Length:N0} first names x {seeds.LastNames.Length:N0} last names; read in {clock.Elapsed.TotalSeconds:F1} s");

        var generator = new ScalePaperGenerator(seeds, options.Papers, options.Seed);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var primaries = new HashSet<string>(StringComparer.Ordinal);
        var years = new SortedDictionary<int, int>();
        long authorSlots = 0, withCode = 0, withDigestDay = 0, texTitles = 0;
        clock.Restart();
        var output = new CorpusFileWriter(options.OutPath, options.PartPapers);
        using (output)
        {
            foreach (var paper in generator.Generate())
            {
                output.WriteLine(PaperJsonLinesWriter.ToLine(paper));
                foreach (var category in paper.Categories) categories[category] = categories.GetValueOrDefault(category) + 1;
                primaries.Add(paper.Categories[0]);
                years[paper.Published!.Value.Year] = years.GetValueOrDefault(paper.Published.Value.Year) + 1;
                authorSlots += paper.Authors.Count;
                if (paper.HasCode) withCode++;
                if (paper.DigestDays.Count > 0) withDigestDay++;
                if (paper.Title.Contains('$') || paper.Title.Contains('\\')) texTitles++;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;

        var counts = generator.PapersPerAuthor;
        var distinct = counts.Count(c => c > 0);
        var fewPapers = counts.Count(c => c is > 0 and <= 3);
        var top = Array.IndexOf(counts, counts.Max());
        var papers = (double)options.Papers;
        Console.WriteLine($"wrote {options.Papers:N0} papers in {seconds:F1} s ({options.Papers / seconds:N0} papers/s), {output.Bytes / 1048576.0:N0} MB");
        Console.WriteLine($"authors: {distinct:N0} distinct of a population of {counts.Length:N0}; {authorSlots / papers:F2} per paper; " +
            $"{100.0 * fewPapers / Math.Max(1, distinct):F0}% have 1-3 papers; most productive: {generator.Authors.Name(top)} with {counts[top]:N0} papers, " +
            $"{counts.Count(c => c >= 100):N0} authors with 100 or more");
        Console.WriteLine($"categories: {categories.Count:N0} distinct ({primaries.Count:N0} as primary); top: " +
            string.Join(", ", categories.OrderByDescending(c => c.Value).Take(5).Select(c => $"{c.Key} {c.Value:N0}")));
        Console.WriteLine($"code links: {100 * withCode / papers:F1}%; digest days: {100 * withDigestDay / papers:F1}%; TeX in title: {100 * texTitles / papers:F1}%");
        Console.WriteLine("papers per year: " + string.Join(", ", years.Select(y => $"{y.Key} {y.Value:N0}")));
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB; load average {MachineLoad.Averages()}");
        return 0;
    }

    private sealed record Options(int Papers, string OutPath, string DataPath, int Seed, int PartPapers)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options(0, "", "", 42, 0);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                options = args[i] switch
                {
                    "--papers" => options with { Papers = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                    "--out" => options with { OutPath = args[i + 1] },
                    "--data" => options with { DataPath = args[i + 1] },
                    "--part-papers" => options with { PartPapers = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                    "--seed" => options with { Seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                    _ => throw new ArgumentException($"Unknown option {args[i]}; usage: {Usage}"),
                };
            }
            if (args.Length % 2 != 0) throw new ArgumentException($"{args[^1]} has no value; usage: {Usage}");
            if (options.Papers < 1 || options.OutPath.Length == 0) throw new ArgumentException($"--papers (1 or more) and --out are required; usage: {Usage}");
            return options.DataPath.Length > 0 ? options : options with { DataPath = SharedData.Find("papers-dev.jsonl") };
        }
    }
}
