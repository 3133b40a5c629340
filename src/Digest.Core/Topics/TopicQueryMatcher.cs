using Lucene.Net.Search;

namespace Digest.Core.Topics;

/// <summary>
/// Decides whether a topic query matches a paper by evaluating the query tree over the paper's terms and positions
/// (<see cref="PaperTerms"/>), with Lucene's matching rules for the query types topic definitions produce:
/// terms, boolean combinations, exact phrases (also with several terms at one position, from hyphenated words).
/// Many times cheaper than building an in-memory index per paper and searching it; other query types are refused
/// at compile time, and the caller then uses Lucene itself.
/// </summary>
internal abstract class TopicQueryMatcher
{
    public abstract bool Matches(PaperTerms terms);

    /// <summary>A matcher for <paramref name="query"/>, or null when it contains a query type this class does not evaluate.</summary>
    public static TopicQueryMatcher? TryCompile(Query query) => query switch
    {
        TermQuery term => new TermMatcher(PaperTerms.Key(term.Term.Field, term.Term.Text)),
        BooleanQuery boolean => BooleanMatcher.TryCompile(boolean),
        PhraseQuery phrase when phrase.Slop == 0 => PhraseMatcher.From(phrase),
        MultiPhraseQuery multi when multi.Slop == 0 => PhraseMatcher.From(multi),
        _ => null,
    };

    private sealed class TermMatcher(string key) : TopicQueryMatcher
    {
        public override bool Matches(PaperTerms terms) => terms.Contains(key);
    }

    private sealed class BooleanMatcher(TopicQueryMatcher[] required, TopicQueryMatcher[] optional, TopicQueryMatcher[] prohibited, int minimumShouldMatch) : TopicQueryMatcher
    {
        public static BooleanMatcher? TryCompile(BooleanQuery query)
        {
            var required = new List<TopicQueryMatcher>();
            var optional = new List<TopicQueryMatcher>();
            var prohibited = new List<TopicQueryMatcher>();
            foreach (var clause in query.Clauses)
            {
                var matcher = TryCompile(clause.Query);
                if (matcher is null) return null;
                (clause.Occur switch
                {
                    Occur.MUST => required,
                    Occur.MUST_NOT => prohibited,
                    _ => optional,
                }).Add(matcher);
            }
            return new BooleanMatcher([.. required], [.. optional], [.. prohibited], query.MinimumNumberShouldMatch);
        }

        public override bool Matches(PaperTerms terms)
        {
            foreach (var matcher in required)
            {
                if (!matcher.Matches(terms)) return false;
            }
            // Lucene: without required clauses at least one optional clause must match; a purely negative query matches nothing.
            var needed = required.Length == 0 ? Math.Max(1, minimumShouldMatch) : minimumShouldMatch;
            if (needed > 0)
            {
                var matched = 0;
                foreach (var matcher in optional)
                {
                    if (matcher.Matches(terms) && ++matched >= needed) break;
                }
                if (matched < needed) return false;
            }
            foreach (var matcher in prohibited)
            {
                if (matcher.Matches(terms)) return false;
            }
            return true;
        }
    }

    /// <summary>An exact phrase: each slot (one or more alternative terms) at its offset from the first.</summary>
    private sealed class PhraseMatcher(string[][] slots, int[] offsets) : TopicQueryMatcher
    {
        public static PhraseMatcher From(PhraseQuery query)
        {
            var terms = query.GetTerms();
            return new PhraseMatcher(terms.Select(t => new[] { PaperTerms.Key(t.Field, t.Text) }).ToArray(), query.GetPositions());
        }

        public static PhraseMatcher From(MultiPhraseQuery query) =>
            new(query.GetTermArrays().Select(slot => slot.Select(t => PaperTerms.Key(t.Field, t.Text)).ToArray()).ToArray(), query.GetPositions());

        public override bool Matches(PaperTerms terms)
        {
            if (slots.Length == 0) return false;
            foreach (var first in slots[0])
            {
                foreach (var start in terms.PositionsOf(first))
                {
                    var origin = start - offsets[0];
                    var all = true;
                    for (var i = 1; i < slots.Length && all; i++) all = SlotAt(terms, slots[i], origin + offsets[i]);
                    if (all) return true;
                }
            }
            return false;
        }

        private static bool SlotAt(PaperTerms terms, string[] alternatives, int position)
        {
            foreach (var key in alternatives)
            {
                if (terms.PositionsOf(key) is List<int> positions && positions.BinarySearch(position) >= 0) return true;
            }
            return false;
        }
    }
}
