namespace Digest.Core.Text;

/// <summary>Cuts untrusted text short for messages and titles, so a long value cannot flood a log line or a page.</summary>
public static class TextShortening
{
    /// <summary>The ellipsis that marks a cut.</summary>
    public const string Ellipsis = "…";

    /// <summary><paramref name="text"/> when it has at most <paramref name="maxLength"/> characters, otherwise its first <paramref name="maxLength"/> and an ellipsis.</summary>
    public static string Shorten(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength] + Ellipsis;
}
