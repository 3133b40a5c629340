using Digest.Core.Papers;

namespace Digest.Core.Ingestion;

/// <summary>What one committed store batch changed, for the index: the papers it wrote, which of them are new, the ids it removed, and its change number.</summary>
internal sealed record StoredBatch(IReadOnlyList<Paper> Papers, IReadOnlySet<string> AddedIds, IReadOnlyList<string> RemovedIds, long ChangeSeq);
