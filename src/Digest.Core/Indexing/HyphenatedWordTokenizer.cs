using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Digest.Core.Indexing;

/// <summary>
/// Splits text into runs of letters and digits, keeping hyphens inside a run ("fine-tuning" stays one token) so that
/// <see cref="HyphenatedWordFilter"/> can index its parts and its joined form. Everything else separates tokens.
/// </summary>
public sealed class HyphenatedWordTokenizer(LuceneVersion version, TextReader input) : CharTokenizer(version, input)
{
    protected override bool IsTokenChar(int c) => J2N.Character.IsLetterOrDigit(c) || c == '-' || c == '\u2010' || c == '\u2011';
}
