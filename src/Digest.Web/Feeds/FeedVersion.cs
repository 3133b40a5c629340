using System.Security.Cryptography;
using System.Text;
using Digest.Core.Indexing;
using Digest.Core.Topics;

namespace Digest.Web.Feeds;

/// <summary>
/// What a feed's validators are made of, so a conditional GET is answered without searching or rendering. A feed is
/// a function of the searchable index (<see cref="PaperIndex.SearchableChangeSeq"/>), the topic labels, the base URL
/// and its canonical URL; the ETag hashes exactly those, so it survives restarts (a deploy does not make every reader
/// download every feed again) and changes with any ingest. Last-Modified is the time this process first served the
/// current state: never earlier than the change itself, so If-Modified-Since cannot hide one (after a restart readers
/// that send only it download once more). The ETag is weak because the feed's <c>updated</c> is that time.
/// </summary>
public sealed class FeedVersion(PaperIndex index, TimeProvider time)
{
    // Bump when the feed's XML changes shape, so readers holding old ETags get the new form.
    private const string FormatVersion = "atom-1";

    private readonly Lock _lock = new();
    private volatile State? _state;

    /// <summary>The current state's change number, topic-labels hash and Last-Modified time.</summary>
    public FeedState Current(Taxonomy taxonomy)
    {
        var seq = index.SearchableChangeSeq;
        var state = _state;
        if (state is not null && state.Seq == seq && ReferenceEquals(state.Taxonomy, taxonomy)) return state.Public;
        lock (_lock)
        {
            state = _state;
            if (state is not null && state.Seq == seq && ReferenceEquals(state.Taxonomy, taxonomy)) return state.Public;
            var labels = state is not null && ReferenceEquals(state.Taxonomy, taxonomy) ? state.Public.LabelsHash : LabelsHash(taxonomy);
            // HTTP dates have whole seconds: each new state is at least a second after the last, or a reader that
            // polled within the same second would be told "not modified".
            var now = time.GetUtcNow();
            var stamp = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            if (state is not null && stamp <= state.Public.LastModified) stamp = state.Public.LastModified.AddSeconds(1);
            var current = new State(seq, taxonomy, new FeedState(seq, labels, stamp));
            _state = current;
            return current.Public;
        }
    }

    /// <summary>The weak ETag of the feed at <paramref name="canonicalUrl"/> (with its limit) under <paramref name="baseUrl"/> in <paramref name="state"/>.</summary>
    public static string ETag(FeedState state, string baseUrl, string canonicalUrl)
    {
        var key = $"{FormatVersion}\n{PaperIndex.Schema}\n{state.Seq}\n{state.LabelsHash}\n{baseUrl}\n{canonicalUrl}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "W/\"" + Convert.ToHexStringLower(hash[..12]) + "\"";
    }

    /// <summary>Topic labels appear in feed titles and categories, and the taxonomy's fingerprint leaves them out.</summary>
    private static string LabelsHash(Taxonomy taxonomy)
    {
        var text = string.Join('\n', taxonomy.Topics.Select(t => t.Slug + "\t" + t.Label));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..8]);
    }

    private sealed record State(long Seq, Taxonomy Taxonomy, FeedState Public);
}
