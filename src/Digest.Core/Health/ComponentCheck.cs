namespace Digest.Core.Health;

/// <summary>One checked component of readiness.</summary>
public sealed record ComponentCheck(bool Ok, string Detail);
