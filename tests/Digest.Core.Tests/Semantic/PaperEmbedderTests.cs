using Dapper;
using Digest.Core.Configuration;
using Digest.Core.Papers;
using Digest.Core.Semantic;
using Digest.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Semantic;

/// <summary>The background embedder over a real store with the real model: what it stores, what it recomputes, what it forgets.</summary>
public class PaperEmbedderTests(EmbeddingModelFixture model) : IClassFixture<EmbeddingModelFixture>
{
    private sealed class Setup : IDisposable
    {
        private readonly bool _ownsData;

        /// <param name="model">The shared model.</param>
        /// <param name="data">A data directory to reuse, as a restarted app does (kept on dispose); by default a new one.</param>
        public Setup(EmbeddingModelFixture model, TempDataDirectory? data = null)
        {
            _ownsData = data is null;
            Data = data ?? new TempDataDirectory();
            Embeddings = new EmbeddingStore(Data.Database, TimeProvider.System);
            Embedder = new PaperEmbedder(Embeddings, Data.Store, model.Encoder, Index, model.Options, NullLogger<PaperEmbedder>.Instance, TimeProvider.System);
        }

        public TempDataDirectory Data { get; }
        public EmbeddingStore Embeddings { get; }
        public SemanticIndex Index { get; } = new();
        public PaperEmbedder Embedder { get; }

        public async Task<int> EmbedAllAsync()
        {
            var handled = 0;
            for (int n; (n = await Embedder.RunBatchAsync()) > 0;) handled += n;
            return handled;
        }

        public async Task WriteAsync(params Paper[] papers)
        {
            await using var batch = await Data.Store.BeginBatchAsync();
            await batch.UpsertAsync(papers);
            await batch.CommitAsync();
        }

        public async Task<long> StoredRowsAsync()
        {
            await using var connection = await Data.Database.OpenAsync();
            return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM paper_embeddings WHERE length(vector) > 0");
        }

        public void Dispose()
        {
            Index.Dispose();
            if (_ownsData) Data.Dispose();
        }
    }

    [Fact]
    public async Task Embedder_SmallCorpus_StoresEveryPaper_AndAParaphraseFindsItsPaper()
    {
        using var setup = new Setup(model);
        await setup.WriteAsync([.. SemanticCorpus.Papers]);
        await setup.Embedder.LoadAsync();

        Assert.Equal(6, await setup.EmbedAllAsync());

        Assert.Equal(6, await setup.StoredRowsAsync());
        Assert.Equal(6, setup.Index.Count);
        Assert.True(setup.Embedder.Progress.Complete);
        var queries = new QueryEmbedder(model.Encoder, model.Options);
        var query = queries.Embed("how can chatbots stop making things up?")!;
        Assert.Equal("2503.00002", setup.Index.Nearest(query, 3)[0].PaperId);
        query = queries.Embed("teaching a four-legged machine to walk")!;
        Assert.Equal("2503.00003", setup.Index.Nearest(query, 3)[0].PaperId);
    }

    [Fact]
    public async Task Embedder_NewestPapersFirst()
    {
        using var setup = new Setup(model);
        await setup.WriteAsync([.. SemanticCorpus.Papers]);
        await setup.Embedder.LoadAsync();

        await setup.Embedder.RunBatchAsync(); // batch size 4 of 6

        Assert.Equal(4, setup.Index.Count);
        // Published on days 1..6: the two oldest wait.
        Assert.False(setup.Index.TryGet("2503.00001", out _));
        Assert.False(setup.Index.TryGet("2503.00002", out _));
        Assert.True(setup.Index.TryGet("2503.00006", out _));
    }

    [Fact]
    public async Task Embedder_AfterRestart_LoadsStoredVectors_AndRecomputesNothing()
    {
        using var data = new TempDataDirectory();
        using (var first = new Setup(model, data))
        {
            await first.WriteAsync([.. SemanticCorpus.Papers]);
            await first.Embedder.LoadAsync();
            await first.EmbedAllAsync();
        }
        var encodedBefore = model.Encoder.TextsEncoded;

        using var restarted = new Setup(model, data);
        Assert.Equal(6, await restarted.Embedder.LoadAsync());
        Assert.Equal(0, await restarted.EmbedAllAsync());

        Assert.Equal(encodedBefore, model.Encoder.TextsEncoded);
        Assert.Equal(6, restarted.Index.Count);
    }

    [Fact]
    public async Task Embedder_ChangedAbstract_ReEmbeds_ChangedTopicsOnly_DoesNot()
    {
        using var setup = new Setup(model);
        await setup.WriteAsync([.. SemanticCorpus.Papers]);
        await setup.Embedder.LoadAsync();
        await setup.EmbedAllAsync();
        setup.Index.TryGet("2503.00005", out var before);

        var topicsOnly = SemanticCorpus.Papers[0] with { Topics = ["biology"] };
        var encoded = model.Encoder.TextsEncoded;
        await setup.WriteAsync(topicsOnly);
        Assert.Equal(1, await setup.EmbedAllAsync());
        Assert.Equal(encoded, model.Encoder.TextsEncoded);

        var rewritten = SemanticCorpus.Papers[4] with { Abstract = "We study how bees communicate the location of flowers by dancing." };
        await setup.WriteAsync(rewritten);
        Assert.Equal(1, await setup.EmbedAllAsync());
        Assert.Equal(encoded + 1, model.Encoder.TextsEncoded);
        setup.Index.TryGet("2503.00005", out var after);
        Assert.True(before.Zip(after, (a, b) => a * b).Sum() < 0.95f, "the vector follows the new abstract");
        var bees = new QueryEmbedder(model.Encoder, model.Options).Embed("honeybee waggle dance")!;
        Assert.Equal("2503.00005", setup.Index.Nearest(bees, 1)[0].PaperId);
    }

    [Fact]
    public async Task Embedder_PaperMergedIntoAnother_DropsTheOldVectorAndRow()
    {
        using var setup = new Setup(model);
        // First known by its title only (no arXiv id), then by its arXiv id: the store re-keys it.
        var titleOnly = SemanticCorpus.Papers[3] with { Id = PaperId.For(null, SemanticCorpus.Papers[3].Title), ArxivId = null };
        await setup.WriteAsync([titleOnly, SemanticCorpus.Papers[0]]);
        await setup.Embedder.LoadAsync();
        await setup.EmbedAllAsync();
        Assert.True(setup.Index.TryGet(titleOnly.Id, out _));

        await using (var batch = await setup.Data.Store.BeginBatchAsync())
        {
            await batch.UpsertAsync([SemanticCorpus.Papers[3]]);
            await batch.RekeyAsync(titleOnly.Id, SemanticCorpus.Papers[3].Id);
            await batch.CommitAsync();
        }
        await setup.EmbedAllAsync();

        Assert.False(setup.Index.TryGet(titleOnly.Id, out _));
        Assert.True(setup.Index.TryGet(SemanticCorpus.Papers[3].Id, out _));
        Assert.Equal(2, setup.Index.Count);
        Assert.Equal(2, await setup.StoredRowsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void QueryEmbedder_EmptyQuery_IsNull(string query)
    {
        Assert.Null(new QueryEmbedder(model.Encoder, model.Options).Embed(query));
    }

    [Theory]
    [InlineData("蛋白质结构预测的深度学习方法")]
    [InlineData("Распознавание речи для редких языков")]
    [InlineData("C++ (((x))) [a-z]* \\d+ ?*+ {2,} $^|")]
    [InlineData("🤖🦿 ++++ **** ((((")]
    [InlineData("\u0000\u200b\ud800 broken surrogate")]
    public void QueryEmbedder_HostileQuery_AnswersAUnitVector(string query)
    {
        var vector = new QueryEmbedder(model.Encoder, model.Options).Embed(query);

        Assert.NotNull(vector);
        Assert.Equal(TextEncoder.Dimensions, vector.Length);
        Assert.InRange(vector.Sum(x => x * x), 0.98f, 1.02f);
    }

    [Fact]
    public void QueryEmbedder_FiveHundredWordQuery_IsCutAndAnswered()
    {
        var words = string.Join(' ', Enumerable.Range(0, 500).Select(i => i % 3 == 0 ? "protein" : i % 3 == 1 ? "folding" : "structure"));
        var queries = new QueryEmbedder(model.Encoder, model.Options);
        var encoded = model.Encoder.TextsEncoded;

        var vector = queries.Embed(words);
        var again = queries.Embed(words);

        Assert.NotNull(vector);
        Assert.Equal(vector, again);
        Assert.Equal(encoded + 1, model.Encoder.TextsEncoded); // the second one came from the cache
    }

    [Fact]
    public void SemanticOff_LoadsNoModel_AndEmbedsNoQuery()
    {
        var off = new SemanticOptions { Enabled = false };
        using var encoder = new TextEncoder(off);

        Assert.False(encoder.IsLoaded);
        Assert.Null(new QueryEmbedder(encoder, off).Embed("protein folding"));
        Assert.Throws<InvalidOperationException>(() => encoder.Encode(["text"]));
    }
}
