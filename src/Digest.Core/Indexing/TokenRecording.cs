using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Digest.Core.Indexing;

/// <summary>
/// The tokens one analysis of one text produced (terms and position increments, in order), kept compactly so the
/// text need not be analysed again: a paper's title and abstract are analysed once at ingest, for its topics and for
/// every index field that holds them (see <see cref="PaperTokens"/>).
/// </summary>
public sealed class TokenRecording
{
    private readonly char[] _chars;
    private readonly int[] _ends;
    private readonly int[] _increments;

    private TokenRecording(char[] chars, int[] ends, int[] increments, int finalIncrement)
    {
        _chars = chars;
        _ends = ends;
        _increments = increments;
        FinalIncrement = finalIncrement;
    }

    /// <summary>A recording of no tokens (an empty text).</summary>
    public static TokenRecording Empty { get; } = new([], [], [], 0);

    public int Count => _ends.Length;

    /// <summary>The position increment the stream reported at its end (stop words removed after the last token).</summary>
    public int FinalIncrement { get; }

    /// <summary>The term of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Term(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _chars.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Sets <paramref name="attribute"/> to the term of token <paramref name="index"/>.</summary>
    public void CopyTerm(int index, ICharTermAttribute attribute)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        attribute.CopyBuffer(_chars, start, _ends[index] - start);
    }

    public int PositionIncrement(int index) => _increments[index];

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> as field <paramref name="field"/> and keeps what it produced.</summary>
    public static TokenRecording Record(Analyzer analyzer, string field, string text)
    {
        if (text.Length == 0) return Empty;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var chars = new List<char>(text.Length);
        var ends = new List<int>(text.Length / 6 + 1);
        var increments = new List<int>(text.Length / 6 + 1);
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            foreach (var c in span) chars.Add(c);
            ends.Add(chars.Count);
            increments.Add(increment.PositionIncrement);
        }
        stream.End();
        return new TokenRecording([.. chars], [.. ends], [.. increments], increment.PositionIncrement);
    }
}
