// Benchmarks are added per feature (ingest, search); see README "Benchmarks".
Console.WriteLine("usage: dotnet run -c Release --project benchmarks/Digest.Benchmarks -- <ingest|search> [options]");
return 2;
