using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Semantic;

/// <summary>
/// What of a paper is embedded (its title and the start of its abstract), and the fingerprint stored with the vector
/// so that a changed title or abstract, model or cut is re-embedded and an unchanged one never is.
/// </summary>
public static class EmbeddingText
{
    /// <summary>The title, a line break, and the abstract cut at a word boundary within <paramref name="maxAbstractChars"/>.</summary>
    public static string For(string title, string @abstract, int maxAbstractChars) =>
        title.Trim() + "\n" + Cut(@abstract.Trim(), maxAbstractChars);

    /// <summary><paramref name="text"/> cut at the last space within <paramref name="maxChars"/> (at the limit itself when a word is longer than half of it).</summary>
    public static string Cut(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var space = text.LastIndexOf(' ', maxChars);
        var end = space > maxChars / 2 ? space : maxChars;
        // Never split a surrogate pair.
        if (end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end];
    }

    /// <summary>A fingerprint of the embedded text and of what embedded it (model and cut): 16 bytes of SHA-256, as hex.</summary>
    public static string Fingerprint(string text, string encoderName)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(encoderName + "\n" + text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
