namespace Digest.Core.Text;

/// <summary>The control words that stand for a letter (<c>\ss</c>, <c>\o</c>) and the escaped special characters (<c>\&amp;</c>).</summary>
internal static class TexLetters
{
    /// <summary>The letter a control word stands for, or null.</summary>
    public static string? Letter(ReadOnlySpan<char> name) => name switch
    {
        "ss" => "ß",
        "SS" => "SS",
        "o" => "ø",
        "O" => "Ø",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "aa" => "å",
        "AA" => "Å",
        "l" => "ł",
        "L" => "Ł",
        "i" => "ı",
        "j" => "ȷ",
        "dh" => "ð",
        "DH" => "Ð",
        "th" => "þ",
        "TH" => "Þ",
        "ng" => "ŋ",
        "NG" => "Ŋ",
        "dj" => "đ",
        "DJ" => "Đ",
        _ => null,
    };

    /// <summary>
    /// The letter an accent goes on: the dotless i and j take the accent as plain i and j (<c>\'\i</c> is í, which
    /// Unicode composes from i, not from ı).
    /// </summary>
    public static string? AccentBase(ReadOnlySpan<char> name) => name switch
    {
        "i" => "i",
        "j" => "j",
        _ => Letter(name),
    };

    /// <summary>The character an escaped special stands for (<c>\&amp;</c> is &amp;), or null.</summary>
    public static char? Escaped(char c) => c is '&' or '%' or '$' or '#' or '_' or '{' or '}' ? c : null;

    /// <summary>
    /// Font and emphasis commands that carry no text of their own: <c>\emph{x}</c> and <c>{\it x}</c> read as x.
    /// Dropping them loses only the typeface, which plain text has none of.
    /// </summary>
    public static bool IsStyle(ReadOnlySpan<char> name) => name switch
    {
        "emph" or "textit" or "textbf" or "textrm" or "textsc" or "textsf" or "texttt" or "textsl" or "textup" or "textnormal" or "mbox" => true,
        "em" or "it" or "bf" or "rm" or "sc" or "sf" or "tt" or "sl" or "itshape" or "bfseries" or "scshape" or "upshape" or "normalfont" => true,
        _ => false,
    };

    /// <summary>True for the style commands that take their text as an argument (<c>\emph{x}</c>), not as a declaration (<c>{\em x}</c>).</summary>
    public static bool TakesArgument(ReadOnlySpan<char> name) => name.StartsWith("text") || name is "emph" or "mbox";
}
