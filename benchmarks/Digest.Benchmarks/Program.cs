using Digest.Benchmarks;

// One verb per benchmark; each lives in its own files.
return args switch
{
    ["search", .. var options] => SearchBenchmark.Run(options),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project benchmarks/Digest.Benchmarks -- <ingest|search> [options]");
    Console.WriteLine("  search [--papers 100000] [--data /work/shared/data/papers-dev.jsonl] [--rounds 3] [--index DIR]");
    return 2;
}
