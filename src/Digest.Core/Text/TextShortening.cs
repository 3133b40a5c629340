namespace Digest.Core.Text;

/// <summary>Cuts untrusted text short for messages and titles, so a long value cannot flood a log line or a page.</summary>
public static class TextShortening
{
    /// <summary>The ellipsis that marks a cut.</summary>
    public const string Ellipsis = "…";

    /// <summary><paramref name="text"/> when it has at most <paramref name="maxLength"/> characters, otherwise its first <paramref name="maxLength"/> and an ellipsis.</summary>
    public static string Shorten(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength] + Ellipsis;

    /// <summary>
    /// <paramref name="text"/> with its runs of white space made single spaces, then <see cref="Shorten"/>ed to end at a
    /// word: a meta description or a summary that stops mid-word reads as broken. A single word longer than
    /// <paramref name="maxLength"/> is cut where it must be.
    /// </summary>
    public static string ShortenAtWord(string text, int maxLength)
    {
        var words = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (words.Length <= maxLength) return words;
        // The cut keeps at least half the allowance, so one long word near the start does not leave a stub.
        var space = words.LastIndexOf(' ', maxLength);
        var cut = space >= maxLength / 2 ? space : maxLength;
        // Never between the two halves of a surrogate pair: a lone half is not text (and not valid HTML).
        if (char.IsHighSurrogate(words[cut - 1])) cut--;
        return words[..cut].TrimEnd(',', ';', ':', '.', ' ') + Ellipsis;
    }
}
