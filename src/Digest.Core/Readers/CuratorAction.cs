namespace Digest.Core.Readers;

/// <summary>One recorded curator action: who (by address, as it was then), what, on what, when.</summary>
public sealed record CuratorAction(long Id, long CuratorId, string CuratorEmail, string Action, string Target, string? Detail, DateTimeOffset At);
