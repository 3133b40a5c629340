using System.Text;

namespace Digest.Core.Text;

/// <summary>
/// One left-to-right pass of <see cref="TexDecoder"/>. Text that needs no change is never copied: the output is
/// started at the first change, so a text with markers but nothing to decode (a hyphen, an apostrophe) costs no
/// allocation and comes back as the same instance.
/// </summary>
internal ref struct TexDecodePass
{
    // Braces nested deeper than this are all treated as grouping: only hostile input gets there.
    private const int TrackedDepth = 64;

    private readonly string _text;
    private StringBuilder? _output;
    private int _copied;
    private int _position;
    private int _depth;
    // Bit d set: the group opened at depth d belongs to an unknown command (\cite{x}) and keeps its braces.
    private ulong _keptGroups;
    private bool _keepNextGroup;
    private bool _accented;
    private TexMathScanner _math;

    private TexDecodePass(string text)
    {
        _text = text;
    }

    /// <summary>The text with one round of decoding applied; the same instance when nothing changed.</summary>
    public static string Run(string text)
    {
        var pass = new TexDecodePass(text);
        pass.Scan();
        return pass.Result();
    }

    private void Scan()
    {
        while (_position < _text.Length)
        {
            var keepGroup = _keepNextGroup;
            _keepNextGroup = false;
            var c = _text[_position];
            switch (c)
            {
                case '\\': Backslash(); break;
                case '$': SkipMathOrOne(); break;
                case '{': OpenGroup(keepGroup); break;
                case '}': CloseGroup(); break;
                case '~':
                    // "~" after a slash is a home directory in a URL (…/~user/), not TeX's tie.
                    if (_position > 0 && _text[_position - 1] == '/') _position++;
                    else Replace(_position + 1, ' ');
                    break;
                case '-': Dashes(); break;
                case '`': Pair('`', '\u201C'); break;
                case '\'': Pair('\'', '\u201D'); break;
                case 'h': SkipUrlOrOne(); break;
                default: _position++; break;
            }
        }
    }

    private readonly string Result()
    {
        if (_output is null) return _text;
        _output.Append(_text, _copied, _text.Length - _copied);
        var result = _output.ToString();
        // Accents were written as letter + combining mark; NFC makes them the precomposed letters search and display expect.
        return _accented ? result.Normalize(NormalizationForm.FormC) : result;
    }

    private void Backslash()
    {
        var start = _position;
        if (start + 1 >= _text.Length)
        {
            _position++;
            return;
        }
        var next = _text[start + 1];
        if (next is '(' or '[')
        {
            SkipMathOrOne();
            return;
        }
        if (TexLetters.Escaped(next) is { } escaped)
        {
            Replace(start + 2, escaped);
            return;
        }
        if (next == ' ')
        {
            Replace(start + 2, ' ');
            return;
        }
        if (next == '-')
        {
            // A discretionary hyphen: a place where TeX may break the word, no character.
            Replace(start + 2, "");
            return;
        }
        if (TexAccent.IsSymbol(next))
        {
            Accent(TexAccent.For(_text.AsSpan(start + 1, 1))!.Value, start + 2);
            return;
        }
        if (!char.IsAsciiLetter(next))
        {
            // \\, \, and other control symbols: kept as written.
            _position = start + 2;
            return;
        }
        var end = start + 1;
        while (end < _text.Length && char.IsAsciiLetter(_text[end])) end++;
        var name = _text.AsSpan(start + 1, end - start - 1);
        if (TexAccent.For(name) is { } accent)
        {
            Accent(accent, end);
        }
        else if (TexLetters.Letter(name) is { } letter)
        {
            Replace(SkipSpaces(end), letter);
        }
        else if (TexLetters.IsStyle(name) && (!TexLetters.TakesArgument(name) || (end < _text.Length && _text[end] == '{')))
        {
            Replace(TexLetters.TakesArgument(name) ? end : SkipSpaces(end), "");
        }
        else
        {
            // Unknown: kept as written, with the braces of its arguments.
            _position = end;
            _keepNextGroup = true;
        }
    }

    // The accent command runs from _position to argumentStart; its argument follows.
    private void Accent(TexAccent accent, int argumentStart)
    {
        var at = SkipSpaces(argumentStart);
        if (at < _text.Length && _text[at] == '{')
        {
            var inner = SkipSpaces(at + 1);
            if (inner < _text.Length && _text[inner] == '}')
            {
                if (accent.Spacing is { } spacing) Replace(inner + 1, spacing);
                else _position = argumentStart;
                return;
            }
            if (Base(inner) is not var (letter, after))
            {
                _position = argumentStart;
                return;
            }
            var close = SkipSpaces(after);
            string? second = null;
            if (accent.Combining == '\u0361' && Base(close) is var (tied, tiedEnd))
            {
                second = tied;
                close = SkipSpaces(tiedEnd);
            }
            if (close >= _text.Length || _text[close] != '}')
            {
                _position = argumentStart;
                return;
            }
            _accented = true;
            Replace(close + 1, string.Concat(letter, accent.Combining.ToString(), second));
            return;
        }
        if (Base(at) is var (plain, plainEnd))
        {
            _accented = true;
            Replace(plainEnd, string.Concat(plain, accent.Combining.ToString()));
            return;
        }
        // No letter to put it on (end of text, a brace, math): the command stays as written.
        _position = argumentStart;
    }

    // The letter an accent applies to at position: a letter (or surrogate pair), or a letter command (\i, \o).
    private readonly (string Letter, int End)? Base(int position)
    {
        if (position >= _text.Length) return null;
        var c = _text[position];
        if (c == '\\')
        {
            var end = position + 1;
            while (end < _text.Length && char.IsAsciiLetter(_text[end])) end++;
            if (end == position + 1) return null;
            return TexLetters.AccentBase(_text.AsSpan(position + 1, end - position - 1)) is { } letter ? (letter, SkipSpaces(end)) : null;
        }
        if (char.IsHighSurrogate(c))
        {
            return position + 1 < _text.Length && char.IsLetter(_text, position) ? (_text.Substring(position, 2), position + 2) : null;
        }
        return char.IsLetter(c) ? (c.ToString(), position + 1) : null;
    }

    private void SkipMathOrOne()
    {
        var end = _math.MathEnd(_text, _position, out _);
        // Math is kept exactly as written; an opener without a closer is plain text.
        _position = end > 0 ? end : _position + 1;
    }

    private void OpenGroup(bool keep)
    {
        if (_depth < TrackedDepth)
        {
            var bit = 1UL << _depth;
            _keptGroups = keep ? _keptGroups | bit : _keptGroups & ~bit;
        }
        _depth++;
        if (keep && _depth <= TrackedDepth) _position++;
        else Replace(_position + 1, "");
    }

    private void CloseGroup()
    {
        if (_depth == 0)
        {
            // A closer without an opener is text.
            _position++;
            return;
        }
        _depth--;
        if (_depth < TrackedDepth && (_keptGroups & (1UL << _depth)) != 0)
        {
            _position++;
            // \frac{a}{b}: the next argument of the same command keeps its braces too.
            _keepNextGroup = true;
        }
        else
        {
            Replace(_position + 1, "");
        }
    }

    private void Dashes()
    {
        var run = 1;
        while (run < 3 && _position + run < _text.Length && _text[_position + run] == '-') run++;
        if (run == 1) _position++;
        else Replace(_position + run, run == 3 ? '\u2014' : '\u2013');
    }

    private void Pair(char c, char quote)
    {
        if (_position + 1 < _text.Length && _text[_position + 1] == c) Replace(_position + 2, quote);
        else _position++;
    }

    // URLs are copied as they are: "~", "--" and braces in them are part of the address.
    private void SkipUrlOrOne()
    {
        var rest = _text.AsSpan(_position);
        var atWordStart = _position == 0 || !char.IsLetterOrDigit(_text[_position - 1]);
        if (!atWordStart || !(rest.StartsWith("http://") || rest.StartsWith("https://")))
        {
            _position++;
            return;
        }
        var end = rest.IndexOfAny(" \t\n\r");
        _position = end < 0 ? _text.Length : _position + end;
    }

    private readonly int SkipSpaces(int position)
    {
        while (position < _text.Length && _text[position] is ' ' or '\t' or '\n' or '\r') position++;
        return position;
    }

    // The input from the current position to end is replaced: everything before it is copied first, once.
    private void Replace(int end, char replacement)
    {
        Begin().Append(replacement);
        _copied = _position = end;
    }

    private void Replace(int end, string replacement)
    {
        Begin().Append(replacement);
        _copied = _position = end;
    }

    // The output with everything before the current position in it.
    private StringBuilder Begin()
    {
        _output ??= new StringBuilder(_text.Length);
        return _output.Append(_text, _copied, _position - _copied);
    }
}
