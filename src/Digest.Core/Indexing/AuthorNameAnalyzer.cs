using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace Digest.Core.Indexing;

/// <summary>Author names: split into name parts, lower case, accents folded ("Müller" matches "muller"); no stemming.</summary>
public sealed class AuthorNameAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(PaperAnalyzer.Version, reader);
        TokenStream stream = new LowerCaseFilter(PaperAnalyzer.Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
