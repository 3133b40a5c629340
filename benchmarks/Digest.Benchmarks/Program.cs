using Digest.Benchmarks;
using Digest.Benchmarks.Relevance;
using Digest.Benchmarks.ScaleCorpus;

// Benchmarks print their figures; they are not tests and never run in CI. One verb per benchmark, each in its own files.
return args switch
{
    ["ingest", .. var options] => await IngestBenchmark.RunAsync(options),
    ["search", .. var options] => SearchBenchmark.Run(options),
    ["uploads", .. var options] => await UploadBenchmark.RunAsync(options),
    ["flood", .. var options] => await FloodBenchmark.RunAsync(options),
    ["feeds", .. var options] => FeedBenchmark.Run(options),
    ["embeddings", .. var options] => EmbeddingsBenchmark.Run(options),
    ["relevance", .. var options] => RelevanceBenchmark.Run(options),
    ["arxiv", .. var options] => await ArxivLookupBenchmark.RunAsync(options),
    ["votes", .. var options] => await VoteBenchmark.RunAsync(options),
    ["corpus", .. var options] => ScaleCorpusCommand.Run(options),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project benchmarks/Digest.Benchmarks -- <ingest|search|uploads|flood|feeds|embeddings|relevance|arxiv|votes|corpus> [options]");
    Console.WriteLine("  ingest [PATH-TO-papers-dev.jsonl]");
    Console.WriteLine("  search [--papers 100000] [--data PATH-TO-papers-dev.jsonl] [--rounds 3] [--index DIR] [--semantic] [--sorts]");
    Console.WriteLine("  uploads [--parts 1000] [--papers 20000] [--seconds 5]");
    Console.WriteLine("  flood [--app Digest.Web.dll] [--data DIR] [--papers papers-dev.jsonl] [--connections 16] [--seconds 20] [--query Q] [--set Name=Value]");
    Console.WriteLine("    (build the app first: dotnet build -c Release src/Digest.Web)");
    Console.WriteLine("  feeds  [--papers 100000] [--data PATH-TO-papers-dev.jsonl] [--rounds 3] [--index DIR]   (feed 200/304 and suggestions)");
    Console.WriteLine("  embeddings [--model ArcticXs|MiniLM] [--chars 1200] [--batch 8] [--threads 1,2] [--sample 160] [--vectors 100000,1000000] [--queries 300] [--splits train,test] [--parts throughput,quality,search] [--cache DIR]");
    Console.WriteLine("    (throughput, dense-only nDCG@10 on SciFact train and test, vector search latency and recall at 100k and 1M)");
    Console.WriteLine("  relevance [--data PATH-TO-scifact] [--sweep] [--rm3] [--lexical] [--model MiniLM|ArcticXs] [--chars 1200]   (nDCG@10, MRR@10, recall@100 on SciFact train and test, lexical and hybrid)");
    Console.WriteLine("  arxiv [--papers 100000] [--rounds 50]   (the title lookup's due query and the removals read per ingest batch)");
    Console.WriteLine("  votes [--papers 100000] [--votes 500] [--dir DIR]   (a reader's vote at scale, and whether the next trending search ranks by it)");
    Console.WriteLine($"  {ScaleCorpusCommand.Usage}   (a realistic corpus of millions of papers, JSON Lines; benchmarks/scale.sh measures the app on it)");
    return 2;
}
