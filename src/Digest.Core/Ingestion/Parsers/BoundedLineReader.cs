using System.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads lines like <see cref="TextReader.ReadLine"/>, but stops once the text read passes a character budget,
/// so a file that is one enormous line (or simply enormous) cannot exhaust memory.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, long maxChars)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _pending = new();
    private int _start;
    private int _end;
    private long _totalChars;

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>True once reading stopped because the text passed the budget.</summary>
    public bool LimitExceeded { get; private set; }

    /// <summary>The budget, for messages.</summary>
    public long MaxChars => maxChars;

    /// <summary>The next line without its terminator (CR LF or LF), or null at the end or when the budget is exceeded.</summary>
    public string? ReadLine()
    {
        if (LimitExceeded) return null;
        _pending.Clear();
        while (true)
        {
            if (_start == _end && !Fill())
            {
                // Like TextReader.ReadLine: a last line without a newline still counts; an empty tail does not.
                if (LimitExceeded || _pending.Length == 0) return null;
                return Finish(_pending.ToString());
            }
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            if (newline < 0)
            {
                _pending.Append(_buffer, _start, _end - _start);
                _start = _end;
                continue;
            }
            string line;
            if (_pending.Length == 0)
            {
                line = new string(_buffer, _start, newline - _start);
            }
            else
            {
                _pending.Append(_buffer, _start, newline - _start);
                line = _pending.ToString();
            }
            _start = newline + 1;
            return Finish(line);
        }
    }

    private string Finish(string line)
    {
        LineNumber++;
        return line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
    }

    private bool Fill()
    {
        _start = 0;
        _end = reader.Read(_buffer, 0, _buffer.Length);
        if (_end <= 0)
        {
            _end = 0;
            return false;
        }
        _totalChars += _end;
        if (_totalChars > maxChars)
        {
            // Everything buffered is dropped: the caller reports the limit instead of a partial record.
            LimitExceeded = true;
            _end = 0;
            _pending.Clear();
            return false;
        }
        return true;
    }
}
