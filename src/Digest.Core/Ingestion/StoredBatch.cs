using Digest.Core.Indexing;
using Digest.Core.Papers;

namespace Digest.Core.Ingestion;

/// <summary>
/// What one committed store batch changed, for the index: the papers it wrote with their texts analysed (for their
/// topics, and reused by the index), which of them are new, the ids it removed, its change number, and how long the
/// analysis and filing into topics took (for <see cref="IngestStageTimes"/>).
/// </summary>
internal sealed record StoredBatch(IReadOnlyList<Paper> Papers, IReadOnlyList<PaperTokens> Tokens, IReadOnlySet<string> AddedIds, IReadOnlyList<string> RemovedIds, long ChangeSeq, TimeSpan TopicsTime);
