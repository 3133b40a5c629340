namespace Digest.Core.Search;

/// <summary>A digest day and the number of papers listed on it.</summary>
public sealed record DigestDayCount(DateOnly Day, int Count);
