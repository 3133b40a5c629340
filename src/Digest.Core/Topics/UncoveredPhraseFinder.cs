using System.Text.RegularExpressions;
using Digest.Core.Papers;
using Lucene.Net.Analysis.Core;

namespace Digest.Core.Topics;

/// <summary>
/// Finds what the taxonomy misses: word bigrams and trigrams (never across stop words or punctuation) that many
/// papers without a topic use and that are distinctive for them compared with covered papers.
/// </summary>
public static partial class UncoveredPhraseFinder
{
    // Words every abstract uses; phrases made of them say nothing about a topic.
    private static readonly HashSet<string> AcademicFillers =
    [
        "we", "our", "us", "paper", "propose", "proposed", "proposes", "method", "methods", "approach", "approaches",
        "results", "show", "shows", "novel", "based", "using", "used", "use", "can", "also", "which", "while",
        "existing", "however", "new", "work", "study", "framework", "performance", "state", "art", "task", "tasks",
        "model", "models", "data", "significantly", "extensive", "experiments", "demonstrate", "achieves", "code",
        "available", "https", "github", "com", "via", "well", "both", "its", "has", "have", "been", "more", "than",
        "these", "from", "across", "over", "between", "each", "first", "two", "three", "large", "high", "different",
        "furthermore", "moreover", "address", "introduce", "present", "key", "without", "under", "through",
    ];

    [GeneratedRegex(@"[a-z][a-z0-9]*(?:-[a-z0-9]+)*|[^\sa-z0-9]")]
    private static partial Regex TokenPattern();

    /// <summary>Assigns every paper and returns the top phrases of the uncovered ones.</summary>
    /// <param name="assigner">The assigner of the taxonomy to examine.</param>
    /// <param name="papers">The collection.</param>
    /// <param name="top">How many phrases to return.</param>
    /// <param name="minimumCount">Ignore phrases used by fewer uncovered papers.</param>
    /// <param name="minimumLift">Ignore phrases not at least this many times more frequent among uncovered papers.</param>
    public static UncoveredPhraseReport Find(TopicAssigner assigner, IEnumerable<Paper> papers,
        int top = 40, int minimumCount = 3, double minimumLift = 2.0)
    {
        var uncoveredCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var coveredCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int total = 0, uncovered = 0;
        foreach (var paper in papers)
        {
            total++;
            var isCovered = assigner.Assign(paper).Count > 0;
            if (!isCovered) uncovered++;
            foreach (var phrase in Phrases(paper.Title + " . " + paper.Abstract))
            {
                var counts = isCovered ? coveredCounts : uncoveredCounts;
                counts[phrase] = counts.GetValueOrDefault(phrase) + 1;
                if (isCovered) continue;
                if (!examples.TryGetValue(phrase, out var titles)) examples[phrase] = titles = [];
                if (titles.Count < 3) titles.Add(paper.Title);
            }
        }

        var covered = total - uncovered;
        var ranked = uncoveredCounts
            .Where(p => p.Value >= minimumCount)
            .Select(p =>
            {
                // +1 keeps phrases that never occur in covered papers finite and ranks them by their own count.
                var lift = (double)p.Value / Math.Max(uncovered, 1) / ((coveredCounts.GetValueOrDefault(p.Key) + 1.0) / Math.Max(covered, 1));
                return new UncoveredPhrase(p.Key, p.Value, lift, examples[p.Key]);
            })
            .Where(p => p.Lift >= minimumLift)
            .OrderByDescending(p => p.Count).ThenByDescending(p => p.Lift).ThenBy(p => p.Phrase, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        return new UncoveredPhraseReport(total, uncovered, ranked);
    }

    /// <summary>The distinct bigrams and trigrams of a text, split at stop words and punctuation.</summary>
    internal static HashSet<string> Phrases(string text)
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        var run = new List<string>();
        foreach (Match match in TokenPattern().Matches(text.ToLowerInvariant()))
        {
            var word = match.Value;
            var isWord = char.IsLetter(word[0]);
            if (!isWord || StopAnalyzer.ENGLISH_STOP_WORDS_SET.Contains(word) || AcademicFillers.Contains(word) || word.Length < 2)
            {
                run.Clear();
                continue;
            }
            run.Add(word);
            if (run.Count >= 2) phrases.Add(run[^2] + " " + run[^1]);
            if (run.Count >= 3) phrases.Add(run[^3] + " " + run[^2] + " " + run[^1]);
        }
        return phrases;
    }
}
