using Digest.Core.Indexing;
using Digest.Core.Search.Snippets;
using Digest.Core.Tests.Topics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Digest.Core.Tests.Search;

public class QueryTermFinderTests
{
    private const string OddText =
        "Fine-tuning LLMs' naïve GPT-4 baselines\u2014state-of-the-art Résumé 𝒜lgebra x--y -z 2048-token e.g. Łukasiewicz " +
        "don't \u2010dash\u2011ed\u2010 the-end \uD800lone\uDC00 tab\tnew\nline \u0000null ǅemal İstanbul ß straße ﬁne";

    [Fact]
    public void Find_WhenQueryHoldsEveryTerm_FindsExactlyTheSpansTheAnalyzerGives()
    {
        var analyzer = PaperAnalyzer.Create();
        var texts = TopicTestData.SampleDigestPapers().SelectMany(p => new[] { p.Title, p.Abstract }).Append(OddText).ToList();
        Assert.True(texts.Count > 100);
        foreach (var text in texts)
        {
            var expected = Analyse(analyzer, text);
            var finder = new QueryTermFinder(expected.Select(t => t.Term), WordTermsMemo.For(analyzer, PaperFields.Abstract));
            var hits = new List<TermHit>();
            finder.Find(text, text.Length, hits);
            Assert.Equal(expected.Select(t => (t.Start, t.End)).Order(), hits.Select(h => (h.Start, h.End)).Order());
        }
    }

    [Fact]
    public void Find_WithEachTermAlone_FindsExactlyThatTermsSpans()
    {
        // One term at a time: words whose first letter no query term has are skipped unread, and none may be missed.
        var analyzer = PaperAnalyzer.Create();
        var texts = TopicTestData.SampleDigestPapers().Take(20).SelectMany(p => new[] { p.Title, p.Abstract }).Append(OddText).ToList();
        foreach (var text in texts)
        {
            var expected = Analyse(analyzer, text);
            foreach (var term in expected.Select(t => t.Term).Distinct())
            {
                var finder = new QueryTermFinder([term], WordTermsMemo.For(analyzer, PaperFields.Abstract));
                var hits = new List<TermHit>();
                finder.Find(text, text.Length, hits);
                var spans = expected.Where(t => t.Term == term).ToList();
                // Each span of the term is marked; a mark may widen to its whole compound ("the-end" for "end").
                Assert.All(spans, t => Assert.Contains(hits, h => h.Start <= t.Start && h.End >= t.End));
                Assert.All(hits, h => Assert.Contains(spans, t => h.Start <= t.Start && h.End >= t.End));
            }
        }
    }

    private static List<(string Term, int Start, int End)> Analyse(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream(PaperFields.Abstract, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return tokens;
    }
}
