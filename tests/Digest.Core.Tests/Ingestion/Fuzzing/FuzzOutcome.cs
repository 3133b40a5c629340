namespace Digest.Core.Tests.Ingestion.Fuzzing;

/// <summary>What one fuzz case did: the defect it found (null when none), how many records it read, what it cost.</summary>
internal sealed record FuzzOutcome(string? Defect, int Records, long AllocatedBytes, TimeSpan Elapsed);
