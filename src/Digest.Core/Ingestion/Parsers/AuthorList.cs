using System.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>Splits an author string as arXiv writes it: <c>A. One, B. Two (MIT) and C. Three</c>.</summary>
internal static class AuthorList
{
    /// <summary>The names in order. Commas and the word "and" separate names, except inside parentheses (affiliations).</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        // "A. One,B. Two" happens; a comma always ends a word.
        var words = text.Replace(",", ", ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var names = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var word in words)
        {
            if (depth == 0 && word == "and")
            {
                Flush(names, current);
                continue;
            }
            foreach (var c in word)
            {
                if (c == '(') depth++;
                else if (c == ')' && depth > 0) depth--;
            }
            var endsName = depth == 0 && word.EndsWith(',');
            if (current.Length > 0) current.Append(' ');
            current.Append(endsName ? word[..^1] : word);
            if (endsName) Flush(names, current);
        }
        Flush(names, current);
        return names;
    }

    private static void Flush(List<string> names, StringBuilder current)
    {
        var name = current.ToString().Trim().Trim(',').Trim();
        if (name.Length > 0) names.Add(name);
        current.Clear();
    }
}
