using Digest.Core.Text;

namespace Digest.Core.Ingestion;

/// <summary>
/// Decodes the TeX in a paper's title, abstract and author names (<see cref="TexDecoder"/>) and says which original
/// to keep. Text that arrives already decoded with its original beside it (Digest's own export) keeps that original
/// only when it still decodes to the text: an original is untrusted input like any other.
/// </summary>
internal static class TexDecoding
{
    /// <summary>The decoded text, and the original to keep (null when decoding changed nothing and no valid original came with it).</summary>
    public static (string Text, string? Original) Decode(string cleaned, string? knownOriginal, int maxLength)
    {
        var decoded = DecodeCleaned(cleaned);
        if (!ReferenceEquals(decoded, cleaned)) return (decoded, cleaned);
        return (cleaned, KeepOriginal(cleaned, knownOriginal, maxLength));
    }

    /// <summary>
    /// The decoded names (a name that decodes to nothing is dropped), and every original name in the same order when
    /// decoding changed any of them.
    /// </summary>
    public static (List<string> Names, List<string>? Originals) DecodeNames(List<string> cleaned, IReadOnlyList<string>? knownOriginals, int maxLength)
    {
        List<string>? names = null;
        List<string>? originals = null;
        for (var i = 0; i < cleaned.Count; i++)
        {
            var decoded = DecodeCleaned(cleaned[i]);
            if (ReferenceEquals(decoded, cleaned[i]) && names is null) continue;
            // The first change: from here on both lists are built, the names before it copied as they are.
            names ??= cleaned[..i];
            originals ??= cleaned[..i];
            if (decoded.Length == 0) continue;
            names.Add(decoded);
            originals.Add(cleaned[i]);
        }
        if (names is not null) return (names, originals);
        return (cleaned, KeepOriginals(cleaned, knownOriginals, maxLength));
    }

    // The same instance when nothing changed, so callers can tell without comparing.
    private static string DecodeCleaned(string cleaned)
    {
        var decoded = TexDecoder.Decode(cleaned);
        if (ReferenceEquals(decoded, cleaned)) return cleaned;
        // Decoding may leave doubled spaces ("a ~ b"); the stored text is always clean.
        decoded = TextCleaner.Clean(decoded);
        return decoded == cleaned ? cleaned : decoded;
    }

    private static string? KeepOriginal(string text, string? original, int maxLength)
    {
        if (original is null) return null;
        var cleaned = TextCleaner.Clean(original);
        return cleaned.Length <= maxLength && cleaned != text && DecodeCleaned(cleaned) == text ? cleaned : null;
    }

    private static List<string>? KeepOriginals(List<string> names, IReadOnlyList<string>? originals, int maxLength)
    {
        if (originals is null || originals.Count != names.Count) return null;
        var kept = new List<string>(names.Count);
        var differs = false;
        for (var i = 0; i < names.Count; i++)
        {
            var cleaned = TextCleaner.Clean(originals[i]);
            if (cleaned.Length > maxLength || DecodeCleaned(cleaned) != names[i]) return null;
            differs |= cleaned != names[i];
            kept.Add(cleaned);
        }
        return differs ? kept : null;
    }
}
