namespace Digest.Core.Topics;

/// <summary>A phrase frequent among papers without a topic: a candidate for a new topic or a wider definition.</summary>
/// <param name="Phrase">Two or three words, lower case, stop words removed.</param>
/// <param name="Count">Uncovered papers whose title or abstract contains the phrase.</param>
/// <param name="Lift">How much more often uncovered papers contain it than covered ones (rate ratio).</param>
/// <param name="ExampleTitles">Up to three titles of uncovered papers containing it.</param>
public sealed record UncoveredPhrase(string Phrase, int Count, double Lift, IReadOnlyList<string> ExampleTitles);
