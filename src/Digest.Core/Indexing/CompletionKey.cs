using System.Text;

namespace Digest.Core.Indexing;

/// <summary>
/// The form in which titles and names are matched against a typed prefix: lower case, runs of white space and control
/// characters as one space, trimmed, and cut at <see cref="MaxLength"/>. Indexing and lookup both use it, so
/// "Attention  is" finds "Attention Is All You Need".
/// </summary>
public static class CompletionKey
{
    /// <summary>Longest key kept: a prefix is at most this long, and longer keys only cost index space.</summary>
    public const int MaxLength = 100;

    /// <summary>The key of <paramref name="text"/>; empty when it has no visible characters.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var key = new StringBuilder(Math.Min(text.Length, MaxLength));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = key.Length > 0;
                continue;
            }
            if (space) key.Append(' ');
            space = false;
            key.Append(char.ToLowerInvariant(c));
            if (key.Length >= MaxLength) break;
        }
        return key.ToString();
    }
}
