using Digest.Core.Semantic;

namespace Digest.Core.Tests.Semantic;

public class SemanticIndexTests
{
    private static float[] RandomUnit(Random random, int dimensions = TextEncoder.Dimensions)
    {
        var v = new float[dimensions];
        var norm = 0d;
        for (var i = 0; i < v.Length; i++)
        {
            // Box-Muller: normal components give directions uniform on the sphere.
            v[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            norm += v[i] * v[i];
        }
        for (var i = 0; i < v.Length; i++) v[i] /= (float)Math.Sqrt(norm);
        return v;
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    [Fact]
    public void Nearest_QuantisedScan_FindsTheExactTopOne()
    {
        var random = new Random(12);
        using var index = new SemanticIndex();
        var vectors = Enumerable.Range(0, 3000).Select(_ => RandomUnit(random)).ToArray();
        for (var i = 0; i < vectors.Length; i++) index.Upsert($"p{i}", vectors[i]);

        for (var q = 0; q < 50; q++)
        {
            // A query near a known vector (as a paraphrase is near its paper), so the exact top-1 is well defined.
            var target = vectors[random.Next(vectors.Length)];
            var noise = RandomUnit(random);
            var query = target.Zip(noise, (t, n) => t + 0.6f * n).ToArray();
            var exact = Enumerable.Range(0, vectors.Length).MaxBy(i => Dot(vectors[i], query));

            var found = index.Nearest(query, 10);

            Assert.Equal($"p{exact}", found[0].PaperId);
            Assert.Equal(10, found.Count);
            Assert.True(found.Zip(found.Skip(1)).All(pair => pair.First.Similarity >= pair.Second.Similarity), "best first");
        }
    }

    [Fact]
    public void Nearest_CosineOfItsOwnVector_IsAboutOne()
    {
        var random = new Random(3);
        using var index = new SemanticIndex();
        var vector = RandomUnit(random);
        index.Upsert("self", vector);
        index.Upsert("other", RandomUnit(random));

        var found = index.Nearest(vector, 5);

        Assert.Equal(["self", "other"], found.Select(m => m.PaperId));
        Assert.InRange(found[0].Similarity, 0.99f, 1.01f);
    }

    [Fact]
    public void Remove_DropsTheVector_AndItsSlotIsReused()
    {
        var random = new Random(5);
        using var index = new SemanticIndex();
        var kept = RandomUnit(random);
        var removed = RandomUnit(random);
        index.Upsert("kept", kept);
        index.Upsert("removed", removed);

        Assert.True(index.Remove("removed"));

        Assert.Equal(1, index.Count);
        Assert.False(index.TryGet("removed", out _));
        Assert.DoesNotContain(index.Nearest(removed, 10), m => m.PaperId == "removed");
        index.Upsert("new", removed);
        Assert.Equal("new", index.Nearest(removed, 1)[0].PaperId);
        Assert.True(index.TryGet("kept", out var back));
        Assert.InRange(Dot(back, kept), 0.99f, 1.01f);
    }

    [Fact]
    public async Task Nearest_WhileVectorsAreAdded_AnswersEveryReader()
    {
        var random = new Random(9);
        using var index = new SemanticIndex();
        var query = RandomUnit(random);
        index.Upsert("first", query);
        var vectors = Enumerable.Range(0, 20_000).Select(_ => RandomUnit(random)).ToArray();

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < vectors.Length; i++) index.Upsert($"p{i}", vectors[i]);
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var searches = 0;
            while (!writer.IsCompleted || searches == 0)
            {
                Assert.Equal("first", index.Nearest(query, 5)[0].PaperId);
                searches++;
            }
            return searches;
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);

        Assert.Equal(20_001, index.Count);
        Assert.All(await Task.WhenAll(readers), searches => Assert.True(searches > 0));
    }

    [Fact]
    public void Dot_Simd_EqualsScalarSum()
    {
        var random = new Random(1);
        foreach (var length in new[] { 384, 40, 7 })
        {
            var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            var b = Enumerable.Range(0, length).Select(_ => (short)random.Next(-127, 128)).ToArray();
            var expected = a.Zip(b, (x, y) => x * y).Sum();

            Assert.Equal(expected, Int8Dot.Dot(a, b));
        }
    }
}
