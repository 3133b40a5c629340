namespace Digest.Core.Topics;

/// <summary>The result of <see cref="UncoveredPhraseFinder"/>: phrases ranked by how many uncovered papers use them.</summary>
public sealed record UncoveredPhraseReport(int PaperCount, int UncoveredCount, IReadOnlyList<UncoveredPhrase> Phrases)
{
    /// <summary>Writes one block per phrase: count, lift, phrase, then its example titles indented.</summary>
    public void Format(TextWriter writer)
    {
        writer.WriteLine(FormattableString.Invariant($"{UncoveredCount} of {PaperCount} papers have no topic; their most frequent distinctive phrases:"));
        foreach (var phrase in Phrases)
        {
            writer.WriteLine(FormattableString.Invariant($"{phrase.Count,6}  x{phrase.Lift,5:0.0}  {phrase.Phrase}"));
            foreach (var title in phrase.ExampleTitles)
                writer.WriteLine(FormattableString.Invariant($"                - {title}"));
        }
    }
}
