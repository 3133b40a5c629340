namespace Digest.Core.Text;

/// <summary>A run of text that is either plain text or one math expression with its delimiters (<c>$x^2$</c>).</summary>
/// <param name="Start">Where the run starts in the text.</param>
/// <param name="Length">How many characters it has.</param>
/// <param name="IsMath">True for math, delimiters included.</param>
/// <param name="IsDisplay">True for display math (<c>$$…$$</c>, <c>\[…\]</c>).</param>
public readonly record struct TexSegment(int Start, int Length, bool IsMath, bool IsDisplay);
