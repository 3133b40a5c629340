using System.Globalization;
using Digest.Core.Papers;
using Digest.Core.Trending;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Digest.Core.Indexing;

/// <summary>Turns a paper into its Lucene document: searchable text, exact filter terms, facet doc values, and the stored fields a result list needs.</summary>
public static class PaperDocumentFactory
{
    /// <param name="paper">The stored paper.</param>
    /// <param name="changeSeq">The store change that last wrote it, kept as doc values so the index can be verified against the store.</param>
    public static Document Create(Paper paper, long changeSeq)
    {
        var document = new Document
        {
            new StringField(PaperFields.Id, paper.Id, Field.Store.YES),
            new SortedDocValuesField(PaperFields.Id, new BytesRef(paper.Id)),
            new TextField(PaperFields.Title, paper.Title, Field.Store.YES),
            new TextField(PaperFields.Abstract, paper.Abstract, Field.Store.YES),
        };
        if (paper.ArxivId is not null) document.Add(new StoredField(PaperFields.ArxivId, paper.ArxivId));

        // Every author is stored, in order, homonyms too (the result list shows them); the facet term is added once
        // per distinct name, so a paper by two people called "Hui Liu" counts once for that name.
        var facetAuthors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var author in paper.Authors)
        {
            document.Add(new TextField(PaperFields.Author, author, Field.Store.YES));
            if (facetAuthors.Add(author)) AddFacet(document, PaperFields.AuthorExact, author, store: false);
        }
        foreach (var keyword in paper.Keywords) document.Add(new TextField(PaperFields.Keyword, keyword, Field.Store.NO));
        AddText(document, paper);
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

    /// <summary>Every searchable text of the paper again, in <see cref="PaperFields.Text"/> (bare words match there).</summary>
    private static void AddText(Document document, Paper paper)
    {
        document.Add(new TextField(PaperFields.Text, paper.Title, Field.Store.NO));
        foreach (var keyword in paper.Keywords) document.Add(new TextField(PaperFields.Text, keyword, Field.Store.NO));
        document.Add(new TextField(PaperFields.Text, paper.Abstract, Field.Store.NO));
        foreach (var author in paper.Authors) document.Add(new TextField(PaperFields.Text, author, Field.Store.NO));
    }

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
        foreach (var author in paper.Authors)
        {
            var name = CompletionKey.Normalize(author);
            for (var start = 0; start >= 0 && start < name.Length; start = NextWord(name, start))
            {
                document.Add(new StringField(PaperFields.AuthorCompletion, $"{name[start..]}{separator}{author}", Field.Store.NO));
            }
        }
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
