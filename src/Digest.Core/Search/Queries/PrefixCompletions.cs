using Digest.Core.Indexing;
using Digest.Core.Topics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Digest.Core.Search.Queries;

/// <summary>
/// Completes a typed prefix to topics, authors and paper titles. Titles and authors are read from the completion
/// terms (<see cref="PaperFields.TitleCompletion"/>, <see cref="PaperFields.AuthorCompletion"/>): a seek to the
/// prefix in the term dictionary and a bounded number of terms after it, so the cost does not grow
/// with the index and nothing is built when a reader opens. Topics come from the taxonomy (a few dozen labels).
/// </summary>
internal static class PrefixCompletions
{
    /// <summary>Title terms read at most: titles are listed in term order, so a few more than are shown (some are replaced papers').</summary>
    private const int MaxTitleTerms = 64;

    /// <summary>
    /// Author terms read at most, to rank by papers. A common surname has hundreds of people, listed by first name after
    /// it: reading 64 ranked only the A and B names of "wang" (measured at 100k papers); 512 cover nearly all of them
    /// for a few tenths of a millisecond.
    /// </summary>
    private const int MaxAuthorTerms = 512;

    private const int MaxTopics = 3;
    private const int MaxAuthors = 3;

    /// <param name="reader">The searcher's reader.</param>
    /// <param name="key">The prefix as <see cref="CompletionKey.Normalize"/> made it; not empty.</param>
    /// <param name="taxonomy">The topics to complete to.</param>
    /// <param name="topicCount">Papers of a topic slug.</param>
    /// <param name="authorCount">Papers of an author (exact name); the completion terms' document frequencies still count replaced documents.</param>
    /// <param name="max">Most completions returned.</param>
    public static List<SearchSuggestion> Find(IndexReader reader, string key, Taxonomy taxonomy, Func<string, int> topicCount, Func<string, int> authorCount, int max)
    {
        var topics = taxonomy.Topics
            .Where(t => Completes(CompletionKey.Normalize(t.Label), key) || t.Slug.StartsWith(key, StringComparison.Ordinal))
            .Select(t => new SearchSuggestion(SearchSuggestionKind.Topic, t.Label, new SearchRequest { Topics = [t.Slug] }, topicCount(t.Slug)))
            .Where(s => s.Count > 0)
            .Take(MaxTopics)
            .ToList();

        var liveDocs = MultiFields.GetLiveDocs(reader);
        // Most published first: among people sharing a prefix, the one with many papers is the likelier meant.
        // Live counts from the facets also drop the names of replaced papers (count 0), so no postings are read here.
        var authors = Terms(reader, PaperFields.AuthorCompletion, key, liveDocs, MaxAuthorTerms, checkLive: false)
            .Select(text => After(text, PaperFields.CompletionSeparator))
            .Distinct(StringComparer.Ordinal)
            .Select(name => new SearchSuggestion(SearchSuggestionKind.Author, name, new SearchRequest { Authors = [name] }, authorCount(name)))
            .Where(s => s.Count > 0)
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Text, StringComparer.Ordinal)
            .ToList();

        var titles = new List<SearchSuggestion>();
        var seenTitles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Terms(reader, PaperFields.TitleCompletion, key, liveDocs, MaxTitleTerms))
        {
            // key SEP title SEP id: the key and id hold no separator, the title (untrusted) might.
            var first = text.IndexOf(PaperFields.CompletionSeparator);
            var last = text.LastIndexOf(PaperFields.CompletionSeparator);
            if (first < 0 || last <= first) continue;
            var title = text[(first + 1)..last];
            if (!seenTitles.Add(title)) continue;
            titles.Add(new SearchSuggestion(SearchSuggestionKind.Title, title, new SearchRequest { Query = title }, 1) { PaperId = text[(last + 1)..] });
            if (titles.Count >= max) break;
        }

        var authorsShown = Math.Min(authors.Count, Math.Max(MaxAuthors, max - topics.Count - titles.Count));
        var titlesShown = Math.Max(0, max - topics.Count - authorsShown);
        return [.. topics.Concat(authors.Take(authorsShown)).Concat(titles.Take(titlesShown)).Take(max)];
    }

    /// <summary>Whether <paramref name="label"/> or one of its words starts with <paramref name="key"/>.</summary>
    private static bool Completes(string label, string key)
    {
        for (var start = 0; start < label.Length; start++)
        {
            if ((start == 0 || label[start - 1] == ' ') && label.AsSpan(start).StartsWith(key, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static string After(string text, char separator) => text[(text.IndexOf(separator) + 1)..];

    /// <summary>
    /// The first <paramref name="maxTerms"/> terms of <paramref name="field"/> that start with <paramref name="key"/>, in
    /// term order; with <paramref name="checkLive"/> only those that still have a live document.
    /// </summary>
    private static List<string> Terms(IndexReader reader, string field, string key, IBits? liveDocs, int maxTerms, bool checkLive = true)
    {
        var found = new List<string>();
        var termsEnum = MultiFields.GetTerms(reader, field)?.GetEnumerator();
        var prefix = new BytesRef(key);
        if (termsEnum is null || termsEnum.SeekCeil(prefix) == TermsEnum.SeekStatus.END) return found;
        var read = 0;
        DocsEnum? docs = null;
        do
        {
            if (!StringHelper.StartsWith(termsEnum.Term, prefix)) break;
            // A replaced or deleted paper's terms stay in the dictionary until its segment merges: skip those.
            if (checkLive)
            {
                docs = termsEnum.Docs(liveDocs, docs, DocsFlags.NONE);
                if (docs.NextDoc() == DocIdSetIterator.NO_MORE_DOCS) continue;
            }
            found.Add(termsEnum.Term.Utf8ToString());
        }
        while (++read < maxTerms && termsEnum.MoveNext());
        return found;
    }
}
