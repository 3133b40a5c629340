using System.Buffers;

namespace Digest.Core.Text;

/// <summary>
/// Turns the TeX that arXiv metadata carries in titles, author names and abstracts (<c>Kekul\'e</c>, <c>{\ss}</c>,
/// <c>\&amp;</c>, <c>{B}ayesian</c>, <c>--</c>) into the Unicode a reader types and expects, NFC-normalised. Math
/// (<c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c>, <c>\[…\]</c>) and URLs are left exactly as written, and so is every command
/// it does not know.
/// <para>
/// Total and bounded: it never throws, and works a fixed number of linear passes whatever the input. Idempotent:
/// decoding decoded text changes nothing, so Digest's own export ingests unchanged.
/// </para>
/// </summary>
public static class TexDecoder
{
    // One pass decodes real metadata; a second is needed only when an escape makes new markup (\{x\} gives {x}).
    // Text that has not settled by then is contrived, and is left as written.
    private const int MaxPasses = 4;

    private static readonly SearchValues<char> Markers = SearchValues.Create("\\{~-`'");

    /// <summary>
    /// The decoded text; the same instance when <paramref name="text"/> has no TeX markers (no <c>\</c>, <c>{</c>, <c>~</c>,
    /// runs of <c>-</c>, doubled quotes) or nothing in it needed decoding.
    /// </summary>
    public static string Decode(string text)
    {
        if (!HasMarkers(text)) return text;
        var current = text;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = TexDecodePass.Run(current);
            if (ReferenceEquals(next, current) || next == current) return current;
            if (!HasMarkers(next)) return next;
            current = next;
        }
        return text;
    }

    /// <summary>True when the text has something <see cref="Decode"/> may act on; false means it comes back as it is.</summary>
    public static bool HasMarkers(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var found = span[offset..].IndexOfAny(Markers);
            if (found < 0) return false;
            var at = offset + found;
            var c = span[at];
            // A single hyphen or apostrophe is plain text; only doubled ones are TeX.
            if (c is not ('-' or '\'' or '`') || (at + 1 < span.Length && span[at + 1] == c)) return true;
            offset = at + 1;
        }
    }
}
