namespace Digest.Web.Feeds;

/// <summary>The state every feed is computed from (see <see cref="FeedVersion"/>).</summary>
/// <param name="Seq">The searchable change number of the index.</param>
/// <param name="LabelsHash">Hash of the topic slugs and labels.</param>
/// <param name="LastModified">When this process first served this state, in whole seconds.</param>
public sealed record FeedState(long Seq, string LabelsHash, DateTimeOffset LastModified);
