namespace Digest.Core.Search.Snippets;

/// <summary>
/// One term the analyzer made of a single word, and the characters of the word it covers: "fine-tuning" gives
/// <c>fine</c> [0, 4), <c>finetun</c> [0, 11) and <c>tune</c> [5, 11).
/// </summary>
internal readonly record struct WordTerm(string Text, int Start, int End);
