using Digest.Core.Sources;

namespace Digest.Core.Health;

/// <summary>What <c>/readyz</c> reports: ready when the store takes writes, the disk has room, and the index is in step (or catching up within the grace period).</summary>
public sealed record ReadinessReport(bool Ready, ComponentCheck Store, ComponentCheck Disk, IndexCheck Index, IReadOnlyList<SourceStatus> Sources);
