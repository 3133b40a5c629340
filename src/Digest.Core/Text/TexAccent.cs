namespace Digest.Core.Text;

/// <summary>
/// One TeX accent command: the combining mark it puts on a letter, and the spacing character it stands for
/// with an empty argument (<c>\'{}</c>). <see cref="Spacing"/> is never a character the decoder acts on, so
/// decoding stays idempotent.
/// </summary>
internal readonly record struct TexAccent(char Combining, char? Spacing)
{
    /// <summary>The accent a command name stands for: control symbols (<c>'</c>, <c>"</c>) and control words (<c>v</c>, <c>H</c>).</summary>
    public static TexAccent? For(ReadOnlySpan<char> name) => name switch
    {
        "'" => new('\u0301', '\u00B4'),
        "`" => new('\u0300', '\u02CB'),
        "^" => new('\u0302', '\u02C6'),
        "\"" => new('\u0308', '\u00A8'),
        "~" => new('\u0303', '\u02DC'),
        "=" => new('\u0304', '\u00AF'),
        "." => new('\u0307', '\u02D9'),
        "u" => new('\u0306', '\u02D8'),
        "v" => new('\u030C', '\u02C7'),
        "H" => new('\u030B', '\u02DD'),
        "c" => new('\u0327', '\u00B8'),
        "k" => new('\u0328', '\u02DB'),
        "r" => new('\u030A', '\u02DA'),
        "d" => new('\u0323', null),
        "b" => new('\u0331', null),
        // The tie joins two letters (\t{oo}); the decoder puts it after the first.
        "t" => new('\u0361', null),
        _ => null,
    };

    /// <summary>True for the accents whose command is a symbol (<c>\'e</c> needs no space or brace after it).</summary>
    public static bool IsSymbol(char c) => c is '\'' or '`' or '^' or '"' or '~' or '=' or '.';
}
