using Digest.Core.Indexing;
using Digest.Core.Search.Limits;
using Digest.Core.Search.Ranking;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Digest.Core.Search.Queries;

/// <summary>
/// Digest's query syntax on top of Lucene's classic parser (not thread-safe: one instance per request).
/// Bare words search title (boosted), keywords, abstract and authors, and all must match (a long query relaxes them
/// afterwards, see <see cref="Ranking.QueryRelaxation"/>). Field prefixes are
/// friendly names resolved here; unknown prefixes are searched as words. Hyphenated words and adjacent word
/// pairs also match their joined spelling, so "fine-tuning", "fine tuning" and "finetuning" find each other.
/// </summary>
internal sealed class PaperQueryParser : QueryParser
{
    /// <summary>The parser's default field: a pseudo field searched as <see cref="PaperFields.Text"/> with a title boost.</summary>
    public const string AllText = "_text";

    // What WordDelimiterFilter splits compounds on and what users type between the parts.
    private static readonly char[] Hyphens = ['-', '\u2010', '\u2011', '_'];

    private readonly IndexReader _reader;
    private readonly WordFrequencies _frequencies;
    private readonly IReadOnlyDictionary<string, string> _categories;
    private readonly QueryAllowance _allowance;
    private readonly RankingSettings _ranking;
    private readonly float _titleBoost;

    // Bare single words by the query built for them, so adjacent pairs can be joined in GetBooleanQuery.
    private readonly Dictionary<Query, string> _plainWords = new(ReferenceEqualityComparer.Instance);

    // Every unquoted word of the default field ("mamba", "fine-tuning", "61%") and joined pairs ("fine tuning" or
    // "finetuning") by the words they were built from: the clauses a long query may relax.
    private readonly Dictionary<Query, string[]> _bareWords = new(ReferenceEqualityComparer.Instance);

    /// <param name="analyzer">The index's per-field analyzer.</param>
    /// <param name="reader">Used to check that a joined word pair exists before adding it to the query.</param>
    /// <param name="frequencies">Word frequencies of <paramref name="reader"/>, shared across requests.</param>
    /// <param name="categories">Category labels by any casing, so <c>category:cs.lg</c> finds <c>cs.LG</c>.</param>
    /// <param name="allowance">The request's limits on expanding terms and phrases; collects what was left out.</param>
    /// <param name="deadline">The request's time budget, checked while prefix and wildcard terms expand.</param>
    /// <param name="ranking">The proximity window; <see cref="RankingSettings.Default"/> when null.</param>
    /// <param name="titleBoost">What a word's match in the title adds (<see cref="RankingSettings.TitleBoostFor"/> the query's length).</param>
    public PaperQueryParser(
        Analyzer analyzer, IndexReader reader, WordFrequencies frequencies, IReadOnlyDictionary<string, string> categories,
        QueryAllowance allowance, SearchDeadline deadline, RankingSettings? ranking = null, float? titleBoost = null)
        : base(PaperAnalyzer.Version, AllText, analyzer)
    {
        _ranking = ranking ?? RankingSettings.Default;
        _titleBoost = titleBoost ?? _ranking.KeywordTitleBoost;
        _reader = reader;
        _frequencies = frequencies;
        _categories = categories;
        _allowance = allowance;
        DefaultOperator = AND_OPERATOR;
        AllowLeadingWildcard = false;
        AutoGeneratePhraseQueries = false;
        // Expansions must not hit the clause limit (big ones become a filter) nor read thousands of posting lists.
        MultiTermRewriteMethod = new CappedExpansionRewrite(allowance, deadline);
    }

    /// <summary>
    /// The query for <paramref name="text"/> as plain words, all required, ignoring every operator and special
    /// character: the fallback when the text is not valid syntax. Null when no searchable word remains.
    /// </summary>
    public Query? PlainWordsQuery(string text)
    {
        var separated = new string([.. text.Select(c => char.IsLetterOrDigit(c) || Array.IndexOf(Hyphens, c) >= 0 ? c : ' ')]);
        var words = separated.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var clauses = new List<BooleanClause>();
        foreach (var word in words)
        {
            var trimmed = word.Trim(Hyphens);
            if (trimmed.Length == 0) continue;
            var query = GetFieldQuery(AllText, trimmed, quoted: false);
            if (query is not null) clauses.Add(new BooleanClause(query, Occur.MUST));
        }
        return clauses.Count == 0 ? null : GetBooleanQuery(clauses, disableCoord: false);
    }

    /// <summary>
    /// The words a clause of the parsed query was built from when it is a bare word (or a pair of bare words joined
    /// into one compound): the clauses a long query may relax. Null for phrases, fields, prefixes and groups.
    /// </summary>
    public IReadOnlyList<string>? BareWords(Query clause) => _bareWords.GetValueOrDefault(clause);

    private Query? Bare(Query? query, string word)
    {
        if (query is not null) _bareWords[query] = [word];
        return query;
    }

    /// <summary>
    /// Two words within <see cref="RankingSettings.ProximitySlop"/> positions of each other in the text, in either
    /// order: what a paper matching a query's words close together scores extra for. Null when either is not a word.
    /// </summary>
    public Query? NearQuery(string first, string second) =>
        base.GetFieldQuery(PaperFields.Text, first + " " + second, quoted: true) is PhraseQuery { } phrase && phrase.GetTerms().Length == 2
            ? WithSlop(phrase, _ranking.ProximitySlop)
            : null;

    private static PhraseQuery WithSlop(PhraseQuery phrase, int slop)
    {
        phrase.Slop = slop;
        return phrase;
    }

    protected override Query? GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (quoted) queryText = _allowance.Phrase(queryText);
        var (kind, target) = Resolve(field);
        switch (kind)
        {
            case FieldKind.AllText:
                if (quoted) return AllTextQuery(queryText, quoted, slop: 0);
                if (!queryText.All(char.IsLetterOrDigit)) return Bare(AllTextQuery(queryText, quoted, slop: 0), queryText);
                var word = WithSplitSpellings(queryText, AllTextQuery(queryText, quoted: false, slop: 0));
                if (word is not null) _plainWords[word] = queryText;
                return Bare(word, queryText);
            case FieldKind.Text:
                return TextQuery(target, queryText, quoted, slop: 0);
            case FieldKind.Author:
                return base.GetFieldQuery(target, queryText, quoted);
            case FieldKind.Exact:
                return new TermQuery(new Term(target, ExactValue(target, queryText)));
            default:
                // "foo:bar" with an unknown field is two words.
                return PlainWordsQuery(field + " " + queryText);
        }
    }

    protected override Query? GetFieldQuery(string field, string queryText, int slop)
    {
        queryText = _allowance.Phrase(queryText);
        var (kind, target) = Resolve(field);
        return kind switch
        {
            FieldKind.AllText => AllTextQuery(queryText, quoted: true, slop),
            FieldKind.Text => TextQuery(target, queryText, quoted: true, slop),
            FieldKind.Unknown => PlainWordsQuery(field + " " + queryText),
            _ => base.GetFieldQuery(target, queryText, slop),
        };
    }

    protected override Query GetBooleanQuery(IList<BooleanClause> clauses, bool disableCoord)
    {
        var joined = new List<BooleanClause>(clauses.Count);
        for (var i = 0; i < clauses.Count; i++)
        {
            if (i + 1 < clauses.Count && JoinedPair(clauses[i], clauses[i + 1]) is { } pair)
            {
                joined.Add(new BooleanClause(pair, Occur.MUST));
                i++;
            }
            else
            {
                joined.Add(clauses[i]);
            }
        }
        return base.GetBooleanQuery(joined, disableCoord);
    }

    // Each prefix, wildcard or fuzzy term costs a scan of the term dictionary per field; past the allowance the term
    // is searched as the plain word(s) it spells, which keeps the query's meaning closest.
    protected override Query? GetPrefixQuery(string field, string termStr) =>
        _allowance.TryExpand(termStr + "*")
            ? AcrossFields(field, f => base.GetPrefixQuery(f, termStr))
            : GetFieldQuery(field, termStr, quoted: false);

    protected override Query? GetWildcardQuery(string field, string termStr) =>
        _allowance.TryExpand(termStr)
            ? AcrossFields(field, f => base.GetWildcardQuery(f, termStr))
            : GetFieldQuery(field, termStr.Replace('*', ' ').Replace('?', ' ').Trim(), quoted: false);

    protected override Query? GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        _allowance.TryExpand(termStr + "~")
            ? AcrossFields(field, f => WithExpansionLimit(base.GetFuzzyQuery(f, termStr, minSimilarity)))
            : GetFieldQuery(field, termStr, quoted: false);

    protected override Query GetRegexpQuery(string field, string termStr) =>
        throw new ParseException("Regular expressions are not supported.");

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        var (kind, target) = Resolve(field);
        if (kind != FieldKind.Exact) throw new ParseException("Ranges are supported on year only.");
        return base.GetRangeQuery(target, part1, part2, startInclusive, endInclusive);
    }

    /// <summary>
    /// A bare word or phrase: it must occur in <see cref="PaperFields.Text"/> (title, keywords, abstract or authors),
    /// and scores more when it also occurs in the title. One required posting list per word keeps a query of common
    /// words a plain conjunction; coordination is off, so a paper is not scored down for lacking the title match.
    /// </summary>
    private Query? AllTextQuery(string text, bool quoted, int slop) =>
        TextQuery(PaperFields.Text, text, quoted, slop) is { } anywhere
            ? BoostedInTitle(anywhere, TextQuery(PaperFields.Title, text, quoted, slop))
            : null;

    /// <summary><paramref name="anywhere"/> required, <paramref name="inTitle"/> (the same words on the title) adding the title boost.</summary>
    private Query BoostedInTitle(Query anywhere, Query? inTitle)
    {
        if (inTitle is null || _titleBoost <= 0) return anywhere;
        inTitle.Boost = _titleBoost;
        return new BooleanQuery(disableCoord: true) { { anywhere, Occur.MUST }, { inTitle, Occur.SHOULD } };
    }

    private Query? TextQuery(string field, string text, bool quoted, int slop)
    {
        if (text.IndexOfAny(Hyphens) < 0)
        {
            var plain = base.GetFieldQuery(field, text, quoted);
            if (slop > 0 && plain is PhraseQuery phrase) phrase.Slop = slop;
            return plain;
        }

        // The index holds a compound's parts and its joined form; a text with only the joined form
        // ("finetuning") lacks the parts, so a hyphenated word matches the phrase of parts OR the joined term.
        var parts = base.GetFieldQuery(field, ReplaceHyphens(text, " "), quoted: true);
        if (slop > 0 && parts is PhraseQuery partsPhrase) partsPhrase.Slop = slop;
        if (quoted && text.Contains(' ')) return parts;
        var joinedTerm = base.GetFieldQuery(field, ReplaceHyphens(text, ""), quoted: false);
        if (parts is null || joinedTerm is null) return parts ?? joinedTerm;
        return new BooleanQuery { { parts, Occur.SHOULD }, { joinedTerm, Occur.SHOULD } };
    }

    /// <summary>
    /// A closed compound ("finetuning") also matches its open spelling ("fine tuning"): a split into two halves of
    /// three or more letters adds the phrase of the halves as an alternative when both halves are index terms and
    /// the joined word is no more frequent than either half. Compounds are rarer than their parts; ordinary words
    /// that merely contain fragments ("learn|ing", "trans|former") are more frequent than the fragments, and
    /// skipping them keeps expensive phrase queries over common terms out of everyday searches.
    /// </summary>
    private Query? WithSplitSpellings(string word, Query? query)
    {
        if (query is null || word.Length < 6 || word.Length > 40 || !word.All(char.IsLetter)) return query;
        var joinedFrequency = DocFreq(word);
        var alternatives = new BooleanQuery { { query, Occur.SHOULD } };
        for (var split = 3; split <= word.Length - 3 && alternatives.Clauses.Count < 3; split++)
        {
            var (left, right) = (word[..split], word[split..]);
            var leftFrequency = DocFreq(left);
            if (leftFrequency == 0 || leftFrequency < joinedFrequency) continue;
            var rightFrequency = DocFreq(right);
            if (rightFrequency == 0 || rightFrequency < joinedFrequency) continue;
            if (AllTextQuery(left + " " + right, quoted: true, slop: 0) is { } phrase) alternatives.Add(phrase, Occur.SHOULD);
        }
        return alternatives.Clauses.Count == 1 ? query : alternatives;
    }

    /// <summary>For two required bare words whose joined spelling is in the index: (+a +b) OR ab.</summary>
    private BooleanQuery? JoinedPair(BooleanClause first, BooleanClause second)
    {
        if (first.Occur != Occur.MUST || second.Occur != Occur.MUST) return null;
        if (!_plainWords.TryGetValue(first.Query, out var a) || !_plainWords.TryGetValue(second.Query, out var b)) return null;
        var word = a + b;
        if (!WordExists(word) || AllTextQuery(word, quoted: false, slop: 0) is not { } joined) return null;
        var both = new BooleanQuery { { first.Query, Occur.MUST }, { second.Query, Occur.MUST } };
        var pair = new BooleanQuery { { both, Occur.SHOULD }, { joined, Occur.SHOULD } };
        _bareWords[pair] = [a, b];
        return pair;
    }

    /// <summary>A fuzzy query keeps its closest <see cref="SearchLimits.MaxFuzzyExpansions"/> terms.</summary>
    private Query WithExpansionLimit(Query query)
    {
        if (query is FuzzyQuery fuzzy) fuzzy.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(_allowance.Limits.MaxFuzzyExpansions);
        return query;
    }

    private bool WordExists(string word) => DocFreq(word) > 0;

    /// <summary>Documents whose title or abstract contains the one term <paramref name="word"/> analyzes to (0 when it is not one term).</summary>
    private int DocFreq(string word) => _frequencies.Of(_reader, word);

    /// <summary>A prefix, wildcard or fuzzy query: on its field, or for bare text like <see cref="AllTextQuery"/>.</summary>
    private Query AcrossFields(string field, Func<string, Query> build)
    {
        var (kind, target) = Resolve(field);
        if (kind is FieldKind.Text or FieldKind.Author or FieldKind.Exact) return build(target);
        return BoostedInTitle(build(PaperFields.Text), build(PaperFields.Title));
    }

    private string ExactValue(string field, string value)
    {
        var trimmed = value.Trim();
        return field switch
        {
            PaperFields.Category => _categories.TryGetValue(trimmed, out var label) ? label : trimmed,
            PaperFields.Topic => trimmed.ToLowerInvariant(),
            _ => trimmed,
        };
    }

    private static string ReplaceHyphens(string text, string replacement)
    {
        foreach (var hyphen in Hyphens) text = text.Replace(hyphen.ToString(), replacement, StringComparison.Ordinal);
        return text;
    }

    private static (FieldKind Kind, string Field) Resolve(string field) => field.ToLowerInvariant() switch
    {
        AllText => (FieldKind.AllText, AllText),
        "title" => (FieldKind.Text, PaperFields.Title),
        "abstract" => (FieldKind.Text, PaperFields.Abstract),
        "keyword" or "keywords" => (FieldKind.Text, PaperFields.Keyword),
        "author" or "authors" => (FieldKind.Author, PaperFields.Author),
        "category" or "cat" => (FieldKind.Exact, PaperFields.Category),
        "topic" => (FieldKind.Exact, PaperFields.Topic),
        "year" => (FieldKind.Exact, PaperFields.Year),
        _ => (FieldKind.Unknown, field),
    };

    private enum FieldKind
    {
        AllText,
        Text,
        Author,
        Exact,
        Unknown,
    }
}
