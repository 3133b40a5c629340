using Digest.Core.Sources;

namespace Digest.Core.Health;

/// <summary>What <c>/readyz</c> reports: ready when the store takes writes and the index is in step (or catching up within the grace period).</summary>
public sealed record ReadinessReport(bool Ready, ComponentCheck Store, IndexCheck Index, IReadOnlyList<SourceStatus> Sources);

/// <summary>One checked component.</summary>
public sealed record ComponentCheck(bool Ok, string Detail);

/// <summary>The index against the store: change numbers, and how long it has been behind.</summary>
public sealed record IndexCheck(bool Ok, string Detail, long IndexChangeSeq, long StoreChangeSeq, double BehindSeconds);
