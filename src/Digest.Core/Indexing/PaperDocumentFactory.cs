using System.Globalization;
using Digest.Core.Papers;
using Digest.Core.Trending;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Digest.Core.Indexing;

/// <summary>Turns a paper into its Lucene document: searchable text, exact filter terms, facet doc values, and the stored fields a result list needs.</summary>
public static class PaperDocumentFactory
{
    // Many exact values in one field instance (see ExactTermsTokenStream): indexed as StringField indexes each value.
    private static readonly FieldType ExactTerms = new()
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    };

    static PaperDocumentFactory() => ExactTerms.Freeze();

    /// <param name="paper">The stored paper.</param>
    /// <param name="changeSeq">The store change that last wrote it, kept as doc values so the index can be verified against the store.</param>
    /// <param name="tokens">The paper's texts analysed already (at ingest, for its topics); analysed here when null.</param>
    public static Document Create(Paper paper, long changeSeq, PaperTokens? tokens = null)
    {
        tokens ??= PaperTokens.Analyze(paper);
        // Each text field is one instance replaying the analysis made once (RecordedTokenStream), stored apart.
        var document = new Document
        {
            new StringField(PaperFields.Id, paper.Id, Field.Store.YES),
            new SortedDocValuesField(PaperFields.Id, new BytesRef(paper.Id)),
            new StoredField(PaperFields.Title, paper.Title),
            Text(PaperFields.Title, tokens.Title),
            new StoredField(PaperFields.Abstract, paper.Abstract),
            Text(PaperFields.Abstract, tokens.Abstract),
        };
        if (paper.ArxivId is not null) document.Add(new StoredField(PaperFields.ArxivId, paper.ArxivId));

        // Every author is stored, in order, homonyms too (the result list shows them); the facet term is added once
        // per distinct name, so a paper by two people called "Hui Liu" counts once for that name.
        foreach (var author in paper.Authors) document.Add(new StoredField(PaperFields.Author, author));
        if (paper.Authors.Count > 0)
        {
            document.Add(Text(PaperFields.Author, tokens.AuthorNames));
            var distinct = paper.Authors.Distinct(StringComparer.Ordinal).ToList();
            document.Add(new Field(PaperFields.AuthorExact, new ExactTermsTokenStream(distinct), ExactTerms));
            foreach (var author in distinct) document.Add(new SortedSetDocValuesField(PaperFields.AuthorExact, new BytesRef(author)));
        }
        if (tokens.Keywords.Count > 0) document.Add(Text(PaperFields.Keyword, tokens.Keywords));
        document.Add(Text(PaperFields.Text, [tokens.Title, .. tokens.Keywords, tokens.Abstract, .. tokens.AuthorsAsText]));
        AddCompletions(document, paper);
        foreach (var category in paper.Categories) AddFacet(document, PaperFields.Category, category, store: true);
        foreach (var topic in paper.Topics) AddFacet(document, PaperFields.Topic, topic, store: true);
        foreach (var day in paper.DigestDays) AddFacet(document, PaperFields.DigestDay, FormatDay(day), store: true);
        foreach (var url in paper.CodeUrls) document.Add(new StoredField(PaperFields.CodeUrl, url));
        AddFacet(document, PaperFields.HasCode, paper.HasCode ? PaperFields.Yes : PaperFields.No, store: false);

        // Sample digests carry no publication date, only the day they were listed: that day files them (sorting, date
        // filters, year facet). Only a date a source stated is stored for display: a digest day shown as a
        // publication date put "Pointer Networks" (2015) in March 2026.
        if (paper.Published is { } stated) document.Add(new StoredField(PaperFields.PublishedText, FormatDay(stated)));
        var date = EffectiveDate(paper);
        if (date is { } d)
        {
            var number = DateNumber(d);
            document.Add(new Int32Field(PaperFields.Published, number, Field.Store.NO));
            document.Add(new NumericDocValuesField(PaperFields.Published, number));
            AddFacet(document, PaperFields.Year, d.Year.ToString(CultureInfo.InvariantCulture), store: false);
            AddFacet(document, PaperFields.Month, d.ToString("yyyy-MM", CultureInfo.InvariantCulture), store: false);
        }
        else
        {
            document.Add(new NumericDocValuesField(PaperFields.Published, 0));
        }

        document.Add(new NumericDocValuesField(PaperFields.Upvotes, paper.Upvotes ?? 0));
        if (paper.Upvotes is { } upvotes) document.Add(new StoredField(PaperFields.Upvotes, upvotes));
        AddTrending(document, paper);
        document.Add(new NumericDocValuesField(PaperFields.ChangeSeq, changeSeq));
        return document;
    }

    /// <summary>The date a paper is filed under: its publication date, else the first digest day it appeared on.</summary>
    public static DateOnly? EffectiveDate(Paper paper) => paper.Published ?? (paper.DigestDays.Count > 0 ? paper.DigestDays[0] : null);

    /// <summary>A date as the <c>yyyyMMdd</c> number used for range filters and sorting.</summary>
    public static int DateNumber(DateOnly date) => date.Year * 10_000 + date.Month * 100 + date.Day;

    public static string FormatDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What the trending score reads per hit (doc values), and what a trending entry shows (stored).</summary>
    private static void AddTrending(Document document, Paper paper)
    {
        var appeared = TrendingScore.Appeared(paper).ToUnixTimeSeconds();
        document.Add(new NumericDocValuesField(PaperFields.Votes, paper.Votes));
        document.Add(new StoredField(PaperFields.Votes, paper.Votes));
        document.Add(new NumericDocValuesField(PaperFields.Appeared, appeared));
        document.Add(new StoredField(PaperFields.Appeared, appeared));
        document.Add(new Int32Field(PaperFields.Appearances, paper.DigestDays.Count, Field.Store.NO));
        document.Add(new NumericDocValuesField(PaperFields.Appearances, paper.DigestDays.Count));
    }

    private static Field Text(string field, TokenRecording value) => Text(field, [value]);

    /// <summary>A text field's values from their recorded analysis, as far apart as the analyzer puts values of the field.</summary>
    private static Field Text(string field, IReadOnlyList<TokenRecording> values) =>
        new TextField(field, new RecordedTokenStream(values, PaperTokens.Analyzer.GetPositionIncrementGap(field)));

    /// <summary>
    /// Prefix-completion terms: the key, then what it completes to, in one exact term. A completion is then a seek in
    /// the term dictionary and a read of the terms after it, with no stored-field reads and nothing built per reader.
    /// Authors are keyed from every name part on, so "hint" finds "Geoffrey Hinton" as well as "geo" does.
    /// </summary>
    private static void AddCompletions(Document document, Paper paper)
    {
        var separator = PaperFields.CompletionSeparator;
        var title = CompletionKey.Normalize(paper.Title);
        if (title.Length > 0) document.Add(new StringField(PaperFields.TitleCompletion, $"{title}{separator}{paper.Title}{separator}{paper.Id}", Field.Store.NO));
        if (paper.Authors.Count == 0) return;
        var keys = new List<string>(paper.Authors.Count * 3);
        foreach (var author in paper.Authors)
        {
            var name = CompletionKey.Normalize(author);
            for (var start = 0; start >= 0 && start < name.Length; start = NextWord(name, start)) keys.Add($"{name[start..]}{separator}{author}");
        }
        document.Add(new Field(PaperFields.AuthorCompletion, new ExactTermsTokenStream(keys), ExactTerms));
    }

    private static int NextWord(string key, int start)
    {
        var space = key.IndexOf(' ', start);
        return space < 0 ? -1 : space + 1;
    }

    private static void AddFacet(Document document, string field, string value, bool store)
    {
        document.Add(new StringField(field, value, store ? Field.Store.YES : Field.Store.NO));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
}
