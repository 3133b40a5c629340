using Digest.Core.Papers;
using Lucene.Net.Analysis;

namespace Digest.Core.Indexing;

/// <summary>
/// One paper's texts analysed once, as every index field and the topic assigner need them: the title and abstract
/// (English analysis: their own fields, the <see cref="PaperFields.Text"/> field, and the topic terms), keywords, and
/// the authors both as English text and as names. Analysing the title and abstract three times (topics, their field,
/// the text field) was the largest share of an import's CPU time after the inverting itself.
/// </summary>
public sealed class PaperTokens
{
    // Thread-safe: each thread reuses its own token stream components.
    private static readonly Analyzer SharedAnalyzer = PaperAnalyzer.Create();

    private PaperTokens(TokenRecording title, TokenRecording @abstract, TokenRecording[] keywords, TokenRecording[] authorsAsText, TokenRecording[] authorNames)
    {
        Title = title;
        Abstract = @abstract;
        Keywords = keywords;
        AuthorsAsText = authorsAsText;
        AuthorNames = authorNames;
    }

    public TokenRecording Title { get; }

    public TokenRecording Abstract { get; }

    public IReadOnlyList<TokenRecording> Keywords { get; }

    /// <summary>Author names as English text, for <see cref="PaperFields.Text"/> (bare words match names there).</summary>
    public IReadOnlyList<TokenRecording> AuthorsAsText { get; }

    /// <summary>Author names with the name analysis, for <see cref="PaperFields.Author"/>.</summary>
    public IReadOnlyList<TokenRecording> AuthorNames { get; }

    /// <summary>The analyzer the recordings come from (<see cref="PaperAnalyzer"/>), for the position gaps of its fields.</summary>
    public static Analyzer Analyzer => SharedAnalyzer;

    /// <summary>Analyses the paper's texts as the index analyses them.</summary>
    public static PaperTokens Analyze(Paper paper)
    {
        var analyzer = SharedAnalyzer;
        return new PaperTokens(
            TokenRecording.Record(analyzer, PaperFields.Title, paper.Title),
            TokenRecording.Record(analyzer, PaperFields.Abstract, paper.Abstract),
            RecordEach(analyzer, PaperFields.Keyword, paper.Keywords),
            RecordEach(analyzer, PaperFields.Text, paper.Authors),
            RecordEach(analyzer, PaperFields.Author, paper.Authors));
    }

    private static TokenRecording[] RecordEach(Analyzer analyzer, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return [];
        var recordings = new TokenRecording[values.Count];
        for (var i = 0; i < values.Count; i++) recordings[i] = TokenRecording.Record(analyzer, field, values[i]);
        return recordings;
    }
}
