using System.Text.RegularExpressions;
using Digest.Core.Indexing;
using Digest.Core.Search.Limits;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Digest.Core.Search.Queries;

/// <summary>
/// "Did you mean": replaces each query word the index has never seen with the most frequent index term within
/// two edits (Lucene.Net.Suggest's DirectSpellChecker is not available, the idea is the same). Index terms are
/// stems, so the replacement shown is a word from a paper that stems to the chosen term and is closest to what
/// the user typed ("transfromer" → stem "transform" → "transformer").
/// </summary>
internal static partial class SpellingCorrector
{
    private static readonly string[] Fields = [PaperFields.Title, PaperFields.Abstract];

    [GeneratedRegex(@"(?<![\w:])\p{L}{4,}(?![\w:])")]
    private static partial Regex Word();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();

    /// <summary>
    /// The query with misspelled words replaced, or null when nothing was corrected. At most
    /// <paramref name="maxWords"/> unknown words are looked at (each costs a fuzzy scan of the abstracts' terms), and
    /// none once <paramref name="deadline"/> passed; the words after them stay as typed.
    /// </summary>
    public static string? Correct(string query, IndexSearcher searcher, Analyzer analyzer, int maxWords, SearchDeadline deadline)
    {
        var changed = false;
        var tried = 0;
        var corrected = Word().Replace(query, match =>
        {
            if (match.Value is "AND" or "OR" or "NOT" || tried >= maxWords || deadline.Passed) return match.Value;
            if (Stem(analyzer, match.Value) is not { } stem || IsKnown(stem, searcher.IndexReader)) return match.Value;
            tried++;
            var replacement = CorrectWord(match.Value, stem, searcher, analyzer);
            changed |= replacement is not null;
            return replacement ?? match.Value;
        });
        return changed ? corrected : null;
    }

    private static bool IsKnown(string stem, IndexReader reader) => Fields.Sum(f => reader.DocFreq(new Term(f, stem))) > 0;

    private static string? CorrectWord(string word, string stem, IndexSearcher searcher, Analyzer analyzer)
    {
        var reader = searcher.IndexReader;

        // Candidates come from abstracts only: they hold nearly every title word too, and each field searched
        // costs a Levenshtein automaton build, the most expensive step of a correction.
        var maxEdits = stem.Length >= 6 ? 2 : 1;
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, PaperFields.Abstract);
        if (terms is null) return null;
        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(PaperFields.Abstract, stem), maxEdits, 0, true);
        while (candidates.MoveNext())
        {
            var term = candidates.Term.Utf8ToString();
            frequencies[term] = frequencies.GetValueOrDefault(term) + candidates.DocFreq;
        }
        if (frequencies.Count == 0) return null;
        var best = frequencies.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        return SurfaceForm(best, word, searcher, analyzer);
    }

    /// <summary>A word from papers containing <paramref name="stem"/> that analyzes to it, closest to the typed word.</summary>
    private static string SurfaceForm(string stem, string typed, IndexSearcher searcher, Analyzer analyzer)
    {
        var containing = new BooleanQuery();
        foreach (var field in Fields) containing.Add(new TermQuery(new Term(field, stem)), Occur.SHOULD);
        var lowerTyped = typed.ToLowerInvariant();
        // Stems are nearly always a prefix of their words ("transform" of "transformer"), so only words sharing the
        // stem's first letters are analysed, not every word of five abstracts.
        var prefix = stem[..Math.Min(2, stem.Length)];
        var surface = searcher.Search(containing, 5).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc))
            .SelectMany(document => Fields.Select(field => document.Get(field) ?? ""))
            .SelectMany(text => Letters().Matches(text).Select(m => m.Value.ToLowerInvariant()))
            .Where(word => word.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct()
            .Where(word => Stem(analyzer, word) == stem)
            .OrderBy(word => Levenshtein(word, lowerTyped))
            .ThenBy(word => word, StringComparer.Ordinal)
            .FirstOrDefault();
        return surface ?? stem;
    }

    private static string? Stem(Analyzer analyzer, string word)
    {
        using var stream = analyzer.GetTokenStream(PaperFields.Title, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens.Count == 1 ? tokens[0] : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
