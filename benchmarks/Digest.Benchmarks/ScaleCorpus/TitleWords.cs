namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>
/// Makes a new title from a seed title: some content words swapped for content words of other titles of the same
/// field (one, and each other with a 15% chance, each for a word of the same kind by its suffix), short function words and punctuation kept, so "Learning Dexterous Grasping from Videos" becomes
/// "Learning Dexterous Manipulation from Demonstrations". A few titles gain TeX, as about 2% of arXiv titles carry.
/// </summary>
internal static class TitleWords
{
    private const double SwapChance = 0.15;

    // The seed titles carry TeX in 0.6% of papers; this tops it up to about 2%.
    private const double AddTexChance = 0.014;

    private static readonly string[] TexWords =
    [
        "$k$-Nearest", "$\\epsilon$-Optimal", "$SE(3)$-Equivariant", "$\\ell_1$-Regularized", "$\\mathcal{O}(n \\log n)$",
        "Schr\\\"odinger", "Poincar\\'e", "Erd\\H{o}s", "$L^2$", "$\\alpha$-Divergence", "$N$-Body", "$\\pi$-Calculus",
        "H\\\"older", "$x^2$", "$\\mathbb{R}^n$", "B\\'ezier",
    ];

    private static readonly char[] Trailing = [':', ',', '?', '!', ';', '.'];

    /// <summary>The word without trailing punctuation (the part a swap replaces).</summary>
    public static string Core(string token) => token.TrimEnd(Trailing);

    public static string Mix(SeedPaper seed, SeedPaper[] group, Random random)
    {
        var tokens = seed.Title.Split(' ');
        var swappable = Enumerable.Range(0, tokens.Length).Where(i => seed.TitleContentWords.Contains(Core(tokens[i]))).ToArray();
        if (swappable.Length == 0) return seed.Title;
        var mustSwap = swappable[random.Next(swappable.Length)];
        var addTex = random.NextDouble() < AddTexChance;
        foreach (var i in swappable)
        {
            if (i != mustSwap && random.NextDouble() >= SwapChance) continue;
            var core = Core(tokens[i]);
            var replacement = addTex && i == mustSwap ? TexWords[random.Next(TexWords.Length)] : Donor(group, random, core);
            // "Framework Framework": a word the title already has stays out.
            if (tokens.Any(t => Core(t).Equals(replacement, StringComparison.OrdinalIgnoreCase))) continue;
            tokens[i] = MatchCase(replacement, core) + tokens[i][core.Length..];
        }
        return string.Join(' ', tokens);
    }

    // A word of the same kind from another title of the field ("Grasping" for "Planning", "Robust" for "Efficient"):
    // any word of any kind gave titles such as "Contrastive for Framework Manipulation".
    private static string Donor(SeedPaper[] group, Random random, string original)
    {
        var kind = Kind(original);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var words = group[random.Next(group.Length)].TitleContentWords;
            if (words.Length == 0) continue;
            var word = words[random.Next(words.Length)];
            if (Kind(word) == kind) return word;
        }
        return original;
    }

    private enum WordKind { Gerund, AbstractNoun, Adjective, Participle, Plural, Other }

    // English suffixes as a stand-in for the part of speech; good enough to keep titles grammatical-looking.
    private static WordKind Kind(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.EndsWith("ing", StringComparison.Ordinal)) return WordKind.Gerund;
        if (EndsWithAny(w, "tion", "sion", "ment", "ness", "ity", "ance", "ence")) return WordKind.AbstractNoun;
        if (EndsWithAny(w, "al", "ive", "ous", "ic", "able", "ible", "ful", "less", "ary", "ient", "ant")) return WordKind.Adjective;
        if (w.EndsWith("ed", StringComparison.Ordinal)) return WordKind.Participle;
        if (w.EndsWith('s') && !EndsWithAny(w, "ss", "us", "is")) return WordKind.Plural;
        return WordKind.Other;
    }

    private static bool EndsWithAny(string word, params string[] endings) => endings.Any(e => word.EndsWith(e, StringComparison.Ordinal));

    // Title case stays title case ("Grasping" for "grasping"), sentence case stays lower; acronyms and TeX as written.
    private static string MatchCase(string word, string original)
    {
        if (word.Length < 2 || !char.IsLetter(word[0]) || word.All(c => !char.IsLower(c))) return word;
        if (char.IsUpper(original[0]) && char.IsLower(word[0])) return char.ToUpperInvariant(word[0]) + word[1..];
        if (char.IsLower(original[0]) && char.IsUpper(word[0]) && char.IsLower(word[1])) return char.ToLowerInvariant(word[0]) + word[1..];
        return word;
    }
}
