using Digest.Core.Indexing;
using Digest.Core.Papers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Digest.Core.Topics;

/// <summary>
/// The analysed terms of one paper with their positions, per field: what a one-document index holds, without building one.
/// Filled exactly as the search index analyses the paper (same analyzers, one position per token, fields apart).
/// Reused per thread: each fill clears it.
/// </summary>
internal sealed class PaperTerms
{
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);
    private readonly Stack<List<int>> _spareLists = new();

    /// <summary>Every term key (<c>field\0term</c>) of the paper.</summary>
    public IEnumerable<string> Keys => _positions.Keys;

    public static string Key(string field, string text) => string.Concat(field, "\u0000", text);

    public void Fill(Paper paper, Analyzer analyzer)
    {
        Clear();
        Add(PaperFields.Title, paper.Title, analyzer);
        Add(PaperFields.Abstract, paper.Abstract, analyzer);
        if (paper.Keywords.Count > 0) Add(PaperFields.Keyword, string.Join(" ; ", paper.Keywords), analyzer);
        AddCategories(paper);
    }

    /// <summary>Fills from texts analysed already (the same analysis <see cref="Fill(Paper, Analyzer)"/> runs).</summary>
    public void Fill(Paper paper, PaperTokens tokens)
    {
        Clear();
        Add(PaperFields.Title, [tokens.Title]);
        Add(PaperFields.Abstract, [tokens.Abstract]);
        // As one text: the keywords joined with " ; " (see the other overload), which puts no gap between them.
        if (tokens.Keywords.Count > 0) Add(PaperFields.Keyword, tokens.Keywords);
        AddCategories(paper);
    }

    private void Clear()
    {
        foreach (var list in _positions.Values)
        {
            list.Clear();
            _spareLists.Push(list);
        }
        _positions.Clear();
    }

    private void AddCategories(Paper paper)
    {
        for (var i = 0; i < paper.Categories.Count; i++) Positions(Key(PaperFields.Category, paper.Categories[i])).Add(i);
    }

    private void Add(string field, IReadOnlyList<TokenRecording> values)
    {
        var position = -1;
        var carried = 0;
        foreach (var recording in values)
        {
            for (var i = 0; i < recording.Count; i++)
            {
                position += recording.PositionIncrement(i) + carried;
                carried = 0;
                Positions(Key(field, recording.Term(i).ToString())).Add(position);
            }
            carried += recording.FinalIncrement;
        }
    }

    public bool Contains(string key) => _positions.ContainsKey(key);

    /// <summary>Positions of a term in a field, ascending; empty when absent.</summary>
    public IReadOnlyList<int> PositionsOf(string key) => _positions.TryGetValue(key, out var list) ? list : [];

    private void Add(string field, string text, Analyzer analyzer)
    {
        if (text.Length == 0) return;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            Positions(Key(field, term.ToString())).Add(position);
        }
        stream.End();
    }

    private List<int> Positions(string key)
    {
        if (!_positions.TryGetValue(key, out var list))
        {
            list = _spareLists.Count > 0 ? _spareLists.Pop() : [];
            _positions[key] = list;
        }
        return list;
    }
}
