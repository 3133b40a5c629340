using System.Diagnostics;
using Digest.Core.Semantic;

namespace Digest.Benchmarks;

/// <summary>
/// Embeddings of a benchmark corpus, computed once and kept in a file under /tmp (one per model and cut): embedding
/// SciFact takes minutes on two cores, and comparing rankings must not pay that each run.
/// </summary>
public static class CorpusVectorCache
{
    public static readonly string DefaultDirectory = Path.Combine(Path.GetTempPath(), "digest-bench-embeddings");

    /// <summary>Vectors of <paramref name="texts"/> in order, from the cache file named by <paramref name="name"/> or computed and cached.</summary>
    public static float[][] Load(string directory, string name, TextEncoder encoder, IReadOnlyList<string> texts, int batchSize)
    {
        var cache = Path.Combine(directory, name + ".bin");
        if (File.Exists(cache))
        {
            using var reader = new BinaryReader(File.OpenRead(cache));
            var (count, dimensions) = (reader.ReadInt32(), reader.ReadInt32());
            if (count == texts.Count)
            {
                var cached = new float[count][];
                for (var i = 0; i < count; i++)
                {
                    cached[i] = new float[dimensions];
                    for (var j = 0; j < dimensions; j++) cached[i][j] = reader.ReadSingle();
                }
                Console.WriteLine($"corpus vectors: read from {cache}");
                return cached;
            }
        }
        var clock = Stopwatch.StartNew();
        var vectors = texts.Chunk(batchSize).SelectMany(batch => encoder.Encode(batch)).ToArray();
        Console.WriteLine($"corpus vectors: {vectors.Length} in {clock.Elapsed.TotalSeconds:F0} s ({vectors.Length / clock.Elapsed.TotalSeconds:F1} papers/s); cached in {cache}");
        Directory.CreateDirectory(directory);
        using var writer = new BinaryWriter(File.Create(cache));
        writer.Write(vectors.Length);
        writer.Write(vectors[0].Length);
        foreach (var vector in vectors) foreach (var x in vector) writer.Write(x);
        return vectors;
    }
}
