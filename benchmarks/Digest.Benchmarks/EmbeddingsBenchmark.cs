using Digest.Benchmarks.Relevance;
using Digest.Core.Configuration;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Digest.Core.Semantic;

namespace Digest.Benchmarks;

/// <summary>
/// The semantic-search benchmark: embedding throughput (papers/s and CPU per paper) at the configured text cut and
/// thread counts; dense-only retrieval quality on SciFact train and test (exact float cosine and the int8
/// <see cref="SemanticIndex"/>); and vector search latency and recall@10 against exact float search at 100k and 1M
/// vectors (SciFact's own vectors copied with Gaussian noise, so that neighbourhoods are as crowded as a real corpus).
/// Corpus vectors are cached under /tmp so a second run does not recompute them. Not a test.
/// </summary>
public static class EmbeddingsBenchmark
{
    private const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- embeddings";

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        Console.WriteLine($"# Digest embeddings benchmark: {Command} {string.Join(' ', args)}");
        Console.WriteLine($"# model={options.Model} chars={options.MaxAbstractChars} batch={options.BatchSize} threads={string.Join(',', options.Threads)} cores={Environment.ProcessorCount} avx2={System.Runtime.Intrinsics.X86.Avx2.IsSupported}");
        var data = SciFact.Load(SciFact.SharedDirectory());
        var texts = data.Papers.Select(p => EmbeddingText.For(p.Title, p.Abstract, options.MaxAbstractChars)).ToList();
        Console.WriteLine($"# SciFact: {texts.Count} abstracts, mean embedded text {texts.Average(t => t.Length):F0} characters");

        if (options.Parts.Contains("throughput")) foreach (var threads in options.Threads) Throughput(options, texts, threads);
        if (!options.Parts.Contains("quality") && !options.Parts.Contains("search")) return 0;

        // The default of one thread: ONNX Runtime then runs on the calling thread, whose CPU time is what a query costs.
        using var encoder = new TextEncoder(Settings(options, new SemanticOptions().Threads));
        var corpus = CorpusVectors(options, encoder, texts);
        var queryIds = data.Train.Relevant.Keys.Concat(data.Test.Relevant.Keys).Distinct().ToList();
        // One at a time, as searches embed them.
        var queries = new Dictionary<string, float[]>();
        var (wall, cpu) = (new double[queryIds.Count], new double[queryIds.Count]);
        for (var i = 0; i < queryIds.Count; i++)
        {
            var cpuStart = ThreadCpuClock.NowMilliseconds();
            var clock = Stopwatch.StartNew();
            queries[queryIds[i]] = encoder.Encode([encoder.QueryPrefix + data.Queries[queryIds[i]]])[0];
            (wall[i], cpu[i]) = (clock.Elapsed.TotalMilliseconds, ThreadCpuClock.NowMilliseconds() - cpuStart);
        }
        Console.WriteLine($"query embedding ({queryIds.Count} SciFact claims, one at a time): {Percentiles(wall)} wall; {Percentiles(cpu)} CPU of the calling thread");

        // Test only for the chosen setting: choices are made on train (--splits train while comparing).
        if (options.Parts.Contains("quality") && options.Splits.Contains("train")) Quality(data, corpus, queries, "train", data.Train.Relevant);
        if (options.Parts.Contains("quality") && options.Splits.Contains("test")) Quality(data, corpus, queries, "test", data.Test.Relevant);

        var testQueries = data.Test.Relevant.Keys.Select(id => queries[id]).Take(options.Queries).ToList();
        if (!options.Parts.Contains("search")) return 0;
        foreach (var size in options.Vectors) VectorSearch(corpus, testQueries, size, size == options.Vectors.Min() ? encoder : null, texts);
        return 0;
    }

    private static SemanticOptions Settings(Options options, int threads) => new()
    {
        Enabled = true,
        Model = options.Model,
        Threads = threads,
        BatchSize = options.BatchSize,
        MaxAbstractChars = options.MaxAbstractChars,
    };

    /// <summary>Papers per second and CPU per paper for the first <see cref="Options.Sample"/> abstracts, as the background embedder runs them.</summary>
    private static void Throughput(Options options, List<string> texts, int threads)
    {
        using var encoder = new TextEncoder(Settings(options, threads));
        encoder.Encode(texts.Take(options.BatchSize).ToList()); // warm-up: the first run allocates the session's buffers
        var sample = texts.Skip(options.BatchSize).Take(options.Sample).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var batch in sample.Chunk(options.BatchSize)) encoder.Encode(batch);
        var wall = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput {threads} thread(s): {sample.Count / wall,6:F1} papers/s, {cpuMs / sample.Count,5:F0} ms CPU per paper ({sample.Count} papers, batches of {options.BatchSize}, load {MachineLoad.Averages()})"));
    }

    private static float[][] CorpusVectors(Options options, TextEncoder encoder, List<string> texts) =>
        CorpusVectorCache.Load(options.CacheDirectory, $"scifact-{options.Model}-{options.MaxAbstractChars}", encoder, texts, options.BatchSize);

    /// <summary>Dense retrieval alone: exact float cosine over the corpus, and the int8 index as the app searches it.</summary>
    private static void Quality(SciFact data, float[][] corpus, Dictionary<string, float[]> queries, string split, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> judgments)
    {
        using var index = new SemanticIndex();
        for (var i = 0; i < corpus.Length; i++) index.Upsert(data.Papers[i].Id, corpus[i]);
        double exactNdcg = 0, exactRecall = 0, int8Ndcg = 0, int8Recall = 0;
        foreach (var (queryId, relevant) in judgments)
        {
            var query = queries[queryId];
            var exact = Enumerable.Range(0, corpus.Length).Select(i => (Id: data.Papers[i].Id, Score: Dot(corpus[i], query)))
                .OrderByDescending(d => d.Score).Take(100).Select(d => d.Id).ToList();
            var int8 = index.Nearest(query, 100).Select(m => m.PaperId).ToList();
            exactNdcg += RankingMetrics.NdcgAt10(exact, relevant);
            exactRecall += RankingMetrics.RecallAt100(exact, relevant);
            int8Ndcg += RankingMetrics.NdcgAt10(int8, relevant);
            int8Recall += RankingMetrics.RecallAt100(int8, relevant);
        }
        var n = judgments.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dense only, {split} ({n} queries): exact float nDCG@10 {exactNdcg / n:F3} recall@100 {exactRecall / n:F3}; int8 index nDCG@10 {int8Ndcg / n:F3} recall@100 {int8Recall / n:F3}"));
    }

    /// <summary>Latency of <see cref="SemanticIndex.Nearest"/> at <paramref name="size"/> vectors, and its recall@10 against exact float search over the same vectors.</summary>
    private static void VectorSearch(float[][] corpus, List<float[]> queries, int size, TextEncoder? busyEncoder, List<string> texts)
    {
        var dimensions = corpus[0].Length;
        var random = new Random(42);
        var floats = new float[(long)size * dimensions];
        using var index = new SemanticIndex();
        var clock = Stopwatch.StartNew();
        // Each vector: a SciFact abstract's vector plus Gaussian noise (cosine about 0.8 to it), normalised.
        var noise = 0.75f / MathF.Sqrt(dimensions);
        var vector = new float[dimensions];
        for (var i = 0; i < size; i++)
        {
            var source = corpus[i % corpus.Length];
            var norm = 0f;
            for (var j = 0; j < dimensions; j++)
            {
                vector[j] = source[j] + noise * Gaussian(random);
                norm += vector[j] * vector[j];
            }
            norm = MathF.Sqrt(norm);
            for (var j = 0; j < dimensions; j++) vector[j] /= norm;
            Array.Copy(vector, 0, floats, (long)i * dimensions, dimensions);
        }
        var generated = clock.Elapsed.TotalSeconds;
        clock.Restart();
        for (var i = 0; i < size; i++) index.Upsert(i.ToString(CultureInfo.InvariantCulture), new ReadOnlySpan<float>(floats, i * dimensions, dimensions));
        Console.WriteLine($"vectors {size:N0}: generated in {generated:F1} s, added to the index in {clock.Elapsed.TotalSeconds:F1} s ({size / clock.Elapsed.TotalSeconds:N0}/s), int8 memory {(long)size * dimensions / 1024.0 / 1024.0:F0} MB");

        foreach (var query in queries.Take(10)) index.Nearest(query, 10); // warm-up
        foreach (var k in new[] { 10, 100 })
        {
            var (wall, cpu) = Time(queries, query => index.Nearest(query, k));
            Console.WriteLine($"  Nearest k={k,3}: {Percentiles(wall)} wall; {Percentiles(cpu)} CPU");
        }
        var recall = 0.0;
        foreach (var query in queries)
        {
            var exact = ExactTop(floats, size, dimensions, query, 10);
            recall += index.Nearest(query, 10).Count(m => exact.Contains(int.Parse(m.PaperId, CultureInfo.InvariantCulture))) / 10.0;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  recall@10 of the int8 scan against exact float search: {recall / queries.Count:F3} ({queries.Count} SciFact test queries)"));

        if (busyEncoder is null) return;
        // What a search costs while the background embedder runs a batch after another on its thread.
        using var stop = new CancellationTokenSource();
        var embedding = Task.Factory.StartNew(() =>
        {
            var embedded = 0;
            while (!stop.IsCancellationRequested) embedded += busyEncoder.Encode(texts.Skip(embedded % 4000).Take(8).ToList()).Length;
            return embedded;
        }, TaskCreationOptions.LongRunning);
        var (busyWall, busyCpu) = Time(queries, query => index.Nearest(query, 100));
        stop.Cancel();
        Console.WriteLine($"  Nearest k=100 while embedding runs ({embedding.Result} papers embedded meanwhile): {Percentiles(busyWall)} wall; {Percentiles(busyCpu)} CPU");
    }

    private static (double[] Wall, double[] Cpu) Time(List<float[]> queries, Action<float[]> search)
    {
        var wall = new double[queries.Count];
        var cpu = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var cpuStart = ThreadCpuClock.NowMilliseconds();
            var clock = Stopwatch.StartNew();
            search(queries[i]);
            wall[i] = clock.Elapsed.TotalMilliseconds;
            cpu[i] = ThreadCpuClock.NowMilliseconds() - cpuStart;
        }
        return (wall, cpu);
    }

    private static HashSet<int> ExactTop(float[] floats, int size, int dimensions, float[] query, int k)
    {
        var best = new PriorityQueue<int, float>();
        for (var i = 0; i < size; i++)
        {
            var score = Dot(new ReadOnlySpan<float>(floats, i * dimensions, dimensions), query);
            if (best.Count < k) best.Enqueue(i, score);
            else if (best.TryPeek(out _, out var floor) && score > floor) best.DequeueEnqueue(i, score);
        }
        var top = new HashSet<int>();
        while (best.TryDequeue(out var i, out _)) top.Add(i);
        return top;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i + Vector<float>.Count <= a.Length; i += Vector<float>.Count) sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static string Percentiles(double[] values)
    {
        var sorted = values.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"p50={P(0.50),6:F2} ms p99={P(0.99),6:F2} ms");
    }


    private sealed record Options(EmbeddingModel Model, int MaxAbstractChars, int BatchSize, int[] Threads, int Sample, int[] Vectors, int Queries, string CacheDirectory, string[] Splits, string[] Parts)
    {
        public static Options Parse(string[] args)
        {
            var defaults = new SemanticOptions();
            var options = new Options(defaults.Model, defaults.MaxAbstractChars, defaults.BatchSize, [1, 2], 160, [100_000, 1_000_000], 300,
                Path.Combine(Path.GetTempPath(), "digest-bench-embeddings"), ["train", "test"], ["throughput", "quality", "search"]);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                options = args[i] switch
                {
                    "--model" => options with { Model = Enum.Parse<EmbeddingModel>(value, ignoreCase: true) },
                    "--chars" => options with { MaxAbstractChars = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--batch" => options with { BatchSize = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--threads" => options with { Threads = Numbers(value) },
                    "--sample" => options with { Sample = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--vectors" => options with { Vectors = Numbers(value) },
                    "--queries" => options with { Queries = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--cache" => options with { CacheDirectory = Path.GetFullPath(value) },
                    "--splits" => options with { Splits = value.Split(',') },
                    "--parts" => options with { Parts = value.Split(',') },
                    _ => throw new ArgumentException($"Unknown option {args[i]}"),
                };
            }
            return options;
        }

        private static int[] Numbers(string list) => [.. list.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
    }
}
