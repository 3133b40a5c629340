namespace Digest.Core.Health;

/// <summary>The index against the store: change numbers, and how long it has been behind.</summary>
public sealed record IndexCheck(bool Ok, string Detail, long IndexChangeSeq, long StoreChangeSeq, double BehindSeconds);
