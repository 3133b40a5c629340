using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Digest.Core.Indexing;

/// <summary>
/// Splits text into runs of letters and digits, keeping hyphens inside a run ("fine-tuning" stays one token) so that
/// <see cref="HyphenatedWordFilter"/> can index its parts and its joined form. Everything else separates tokens.
/// </summary>
public sealed class HyphenatedWordTokenizer(LuceneVersion version, TextReader input) : CharTokenizer(version, input)
{
    /// <summary>
    /// Whether a code point belongs to a token: letters, digits and the hyphens that join compounds. Public so that
    /// snippets split stored text into exactly the words the index saw. ASCII is decided first: nearly every character
    /// of an abstract is ASCII, and the Unicode lookup costs several times more.
    /// </summary>
    public static bool IsWordCodePoint(int c) => c < 128 ? char.IsAsciiLetterOrDigit((char)c) || c == '-' : J2N.Character.IsLetterOrDigit(c) || IsHyphen(c);

    /// <summary>The hyphens that join a compound's parts: hyphen-minus, hyphen and non-breaking hyphen.</summary>
    public static bool IsHyphen(int c) => c is '-' or '\u2010' or '\u2011';

    protected override bool IsTokenChar(int c) => IsWordCodePoint(c);
}
