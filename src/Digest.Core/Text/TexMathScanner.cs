namespace Digest.Core.Text;

/// <summary>
/// Finds where math that opens at a position ends: <c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c>, <c>\[…\]</c>. Escaped
/// delimiters (<c>\$</c>) inside math do not close it. One scanner per text: it remembers the delimiters that have no
/// closer left, so a text full of unterminated openers costs one scan, not one scan per opener.
/// </summary>
public struct TexMathScanner
{
    private bool _noDollar;
    private bool _noDoubleDollar;
    private bool _noParenClose;
    private bool _noBracketClose;

    /// <summary>
    /// When math opens at <paramref name="start"/> and is closed, the index just after its closing delimiter, else -1
    /// (an unterminated opener is text).
    /// </summary>
    public int MathEnd(string text, int start, out bool display)
    {
        display = false;
        if (start + 1 >= text.Length) return -1;
        if (text[start] == '$')
        {
            if (text[start + 1] == '$')
            {
                display = true;
                return Close(text, start + 2, '$', '$', ref _noDoubleDollar);
            }
            return Close(text, start + 1, '$', '\0', ref _noDollar);
        }
        if (text[start] != '\\') return -1;
        display = text[start + 1] == '[';
        return text[start + 1] switch
        {
            '(' => Close(text, start + 2, '\\', ')', ref _noParenClose),
            '[' => Close(text, start + 2, '\\', ']', ref _noBracketClose),
            _ => -1,
        };
    }

    /// <summary>The math runs and the text runs between them, in order, covering all of <paramref name="text"/>.</summary>
    public static List<TexSegment> Split(string text)
    {
        var segments = new List<TexSegment>();
        var scanner = new TexMathScanner();
        var textStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is not '(' and not '[')
            {
                // An escape (\$) or a command: never an opener.
                i += 2;
                continue;
            }
            if (c is '$' or '\\')
            {
                var end = scanner.MathEnd(text, i, out var display);
                if (end > 0)
                {
                    if (i > textStart) segments.Add(new TexSegment(textStart, i - textStart, false, false));
                    segments.Add(new TexSegment(i, end - i, true, display));
                    i = textStart = end;
                    continue;
                }
            }
            i++;
        }
        if (textStart < text.Length) segments.Add(new TexSegment(textStart, text.Length - textStart, false, false));
        return segments;
    }

    // Decoded text has plain dollars ("\$10 billion and \$3 million" reads "$10 billion and $3 million"): as in
    // pandoc, inline math has no space just inside either dollar, so prices are not paired into math ("$\sim$10" still is).
    private static bool IsInlinePair(string text, int from, int close) =>
        close > from && !char.IsWhiteSpace(text[from]) && !char.IsWhiteSpace(text[close - 1]);

    // first/second: the closing delimiter ('$','$' for $$; '$','\0' for $; '\\',')' for \)).
    private static int Close(string text, int from, char first, char second, ref bool noCloser)
    {
        if (noCloser) return -1;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (first == '\\' && i + 1 < text.Length && text[i + 1] == second) return i + 2;
                i++;
                continue;
            }
            if (c != first || first == '\\') continue;
            if (second == '\0') return IsInlinePair(text, from, i) ? i + 1 : -1;
            if (i + 1 < text.Length && text[i + 1] == second) return i + 2;
        }
        noCloser = true;
        return -1;
    }
}
