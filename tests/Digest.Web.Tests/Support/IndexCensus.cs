using Digest.Core.Indexing;

namespace Digest.Web.Tests.Support;

/// <summary>What the searchable index holds: its live documents and the distinct paper ids among them.</summary>
public sealed record IndexCensus(int Documents, IReadOnlySet<string> Ids)
{
    /// <summary>More documents than ids means some paper has two documents (a search would list it twice).</summary>
    public int Duplicates => Documents - Ids.Count;

    public static IndexCensus Take(PaperIndex index) => index.Search(searcher =>
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var live = reader.LiveDocs;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                documents++;
                ids.Add(reader.Document(doc).Get(PaperFields.Id));
            }
        }
        return new IndexCensus(documents, ids);
    });
}
