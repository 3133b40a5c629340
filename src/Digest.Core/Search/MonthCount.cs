namespace Digest.Core.Search;

/// <summary>Papers published in one month (<c>yyyy-MM</c>), for per-month charts.</summary>
public sealed record MonthCount(string Month, int Count);
