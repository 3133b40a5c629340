using Digest.Benchmarks;

// Benchmarks print their figures; they are not tests and never run in CI. See README "Benchmarks".
return args.FirstOrDefault() switch
{
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project benchmarks/Digest.Benchmarks -- ingest [papers-dev.jsonl]");
    return 2;
}
