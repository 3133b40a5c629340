namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>
/// Makes a new abstract from 2 to 4 abstracts of one field: as many sentences as the first one has (so lengths follow
/// the seeds'), its opening sentence, then sentences taken in turn from each, each from the same relative place in its
/// own abstract (motivation early, method in the middle, results last), so the order stays plausible.
/// </summary>
internal static class AbstractSentences
{
    public static string Mix(SeedPaper first, SeedPaper[] group, Random random)
    {
        var donorCount = random.Next(2, 5);
        var donors = new SeedPaper[donorCount];
        donors[0] = first;
        for (var d = 1; d < donorCount; d++) donors[d] = group[random.Next(group.Length)];

        var length = first.Sentences.Length;
        var sentences = new string[length];
        sentences[0] = first.Sentences[0];
        for (var j = 1; j < length; j++)
        {
            var donor = donors[j % donorCount].Sentences;
            if (donor.Length < 2) donor = first.Sentences;
            // The last sentence comes from a last sentence: conclusions stay conclusions.
            var at = j == length - 1 ? donor.Length - 1 : Math.Clamp((int)Math.Round(j * (double)donor.Length / length), 1, donor.Length - 1);
            sentences[j] = donor[at];
        }
        return string.Join(' ', sentences);
    }
}
