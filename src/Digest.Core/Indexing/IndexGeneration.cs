using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Indexing;

/// <summary>
/// One open writer and the searchers over it. <see cref="PaperIndex"/> replaces the whole pair when a write fails: the
/// writer is rolled back to its last commit and a new one is opened, so nothing it lost can be committed later.
/// </summary>
internal sealed record IndexGeneration(IndexWriter Writer, SearcherManager Searchers);
