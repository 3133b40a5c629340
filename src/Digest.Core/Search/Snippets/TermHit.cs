namespace Digest.Core.Search.Snippets;

/// <summary>Characters [<paramref name="Start"/>, <paramref name="End"/>) of a text that hold query term number <paramref name="TermId"/>.</summary>
internal readonly record struct TermHit(int Start, int End, int TermId);
