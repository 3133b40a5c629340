using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Papers;
using Digest.Core.Readers;
using Digest.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Core.Tests.Readers;

/// <summary>Votes on the real store and index: counted once, carried over when a title-only paper gets its arXiv id, and uncounted for disabled readers.</summary>
public sealed class PaperVotesTests : IDisposable
{
    private const string Title = "Pointer Networks";

    private readonly IngestHarness _harness = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero));
    private readonly ReaderStore _readers;
    private readonly PaperVotes _votes;
    private readonly PaperCuration _curation;

    public PaperVotesTests()
    {
        _readers = new ReaderStore(_harness.Data.Database);
        var ownership = new OwnedIndex(_harness.Index!, _harness.Synchronizer!);
        _votes = new PaperVotes(_harness.Data.Database, _harness.Data.Store, ownership, _clock);
        _curation = new PaperCuration(_harness.Data.Store, ownership, _clock);
    }

    [Fact]
    public async Task AVoteOnATitleOnlyPaper_FollowsItToItsArxivId_AndTheOldIdStillVotes()
    {
        await _harness.IngestTextAsync("digest.txt", "Mar 11\n\n" + Title + "\n\nWe introduce a new neural architecture to learn the conditional probability of an output sequence with elements that are discrete tokens corresponding to positions in an input sequence.\n", new IngestRequest { Format = SourceFormat.DigestText, Year = 2026 });
        var titleId = PaperId.FromTitle(Title);
        var ada = await _readers.EnsureAsync("ada@example.org", admin: false, _clock.GetUtcNow());
        var alan = await _readers.EnsureAsync("alan@example.org", admin: false, _clock.GetUtcNow());
        Assert.Equal(1, (await _votes.SetAsync(ada.Id, titleId, up: true))!.Votes);

        // The same paper arrives from arXiv: the store re-keys it to 1506.03134 and keeps the title id as an alias.
        await _harness.IngestTextAsync("p.jsonl", """{"arxiv_id": "1506.03134", "title": "Pointer Networks", "abstract": "We introduce a new neural architecture to learn the conditional probability of an output sequence.", "authors": ["Oriol Vinyals"], "published": "2015-06-09"}""");
        var paper = (await _harness.Data.Store.GetAsync("1506.03134"))!;
        Assert.Equal(1, paper.ReaderVotes);
        Assert.Equal(["1506.03134"], _harness.IndexedIds(PaperFields.Id, "1506.03134"));

        // Voting by the old id reaches the new paper; Ada's second vote there counts once.
        Assert.Equal(2, (await _votes.SetAsync(alan.Id, titleId, up: true))!.Votes);
        var again = (await _votes.SetAsync(ada.Id, "1506.03134", up: true))!;
        Assert.Equal(("1506.03134", 2), (again.PaperId, again.Votes));
        Assert.Equal(2, (await _votes.VotedAsync(ada.Id, ["1506.03134", titleId])).Count + (await _votes.VotedAsync(alan.Id, ["1506.03134"])).Count);
    }

    [Fact]
    public async Task ADisabledReadersVotes_StopCounting_AndTheIndexFollows()
    {
        await _harness.IngestTextAsync("p.jsonl", """{"arxiv_id": "2501.00001", "title": "A paper about adapters", "abstract": "We study low-rank adapters for fine-tuning and report results.", "published": "2025-01-10"}""");
        var mallory = await _readers.EnsureAsync("mallory@example.org", admin: false, _clock.GetUtcNow());
        var admin = await _readers.EnsureAsync("admin@example.org", admin: true, _clock.GetUtcNow());
        await _votes.SetAsync(mallory.Id, "2501.00001", up: true);
        await _votes.SetAsync(admin.Id, "2501.00001", up: true);
        var before = _harness.Index!.ChangeSeq;

        Assert.True(await _curation.SetDisabledAsync(admin.Id, mallory.Id, disabled: true));
        Assert.Equal(1, (await _harness.Data.Store.GetAsync("2501.00001"))!.ReaderVotes);
        Assert.True(_harness.Index.ChangeSeq > before, "the index re-read the recounted paper");
        Assert.False(await _curation.SetDisabledAsync(admin.Id, 999, disabled: true));
    }

    [Fact]
    public async Task ManyReadersVotingAtOnce_EachCountOnce()
    {
        await _harness.IngestTextAsync("p.jsonl", """{"arxiv_id": "2501.00001", "title": "A paper about adapters", "abstract": "We study low-rank adapters for fine-tuning and report results.", "published": "2025-01-10"}""");
        var readers = new List<Reader>();
        for (var i = 0; i < 20; i++) readers.Add(await _readers.EnsureAsync($"r{i}@example.org", admin: false, _clock.GetUtcNow()));
        // Every reader votes twice, all at once: the store's key and its serialized writes keep the count exact.
        await Task.WhenAll(readers.Concat(readers).Select(r => Task.Run(() => _votes.SetAsync(r.Id, "2501.00001", up: true))));
        Assert.Equal(20, (await _harness.Data.Store.GetAsync("2501.00001"))!.ReaderVotes);
    }

    public void Dispose() => _harness.Dispose();
}
