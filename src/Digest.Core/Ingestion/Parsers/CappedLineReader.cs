using System.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads lines of a file too large to hold (the 4.5 GB arXiv snapshot) with a cap on each line: an oversized line is
/// counted and skipped to its end without being kept, so one bad line costs at most the cap in memory. A NUL stops the
/// reading: text files have none, and a file cut short or pre-allocated ends in a run of them.
/// Not thread-safe; one per file.
/// </summary>
internal sealed class CappedLineReader(TextReader reader, int maxLineChars, long maxTotalChars)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _pending = new();
    private int _start;
    private int _end;
    private long _totalChars;
    private bool _stopped;

    /// <summary>The 1-based number of the line last read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The length in characters of the line last read, its terminator aside (also of one too long to keep).</summary>
    public long LineLength { get; private set; }

    /// <summary>Whether the line last read ended with a newline; the last line of a file cut mid-record does not.</summary>
    public bool LineTerminated { get; private set; }

    /// <summary>True once reading stopped because the text passed <c>maxTotalChars</c>.</summary>
    public bool LimitExceeded { get; private set; }

    /// <summary>The next line without its terminator (CR LF or LF) in <paramref name="line"/>, or what stopped it.</summary>
    public LineStatus Read(out string? line)
    {
        line = null;
        if (_stopped) return LineStatus.End;
        _pending.Clear();
        long length = 0;
        var tooLong = false;
        while (true)
        {
            if (_start == _end && !Fill())
            {
                _stopped = true;
                // Like TextReader.ReadLine: a last line without a newline still counts; an empty tail does not.
                if (length == 0 || LimitExceeded) return LineStatus.End;
                return Finish(length, terminated: false, tooLong, _pending.ToString(), out line);
            }
            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny('\n', '\0');
            if (stop >= 0 && span[stop] == '\0')
            {
                _stopped = true;
                LineNumber++;
                return LineStatus.NotText;
            }
            var chunk = stop < 0 ? span : span[..stop];
            length += chunk.Length;
            if (!tooLong && length > maxLineChars)
            {
                tooLong = true;
                _pending.Clear();
            }
            if (stop < 0)
            {
                if (!tooLong) _pending.Append(chunk);
                _start = _end;
                continue;
            }
            _start += stop + 1;
            string? text = null;
            if (!tooLong) text = _pending.Length == 0 ? new string(chunk) : _pending.Append(chunk).ToString();
            return Finish(length, terminated: true, tooLong, text, out line);
        }
    }

    private LineStatus Finish(long length, bool terminated, bool tooLong, string? text, out string? line)
    {
        LineNumber++;
        LineTerminated = terminated;
        if (text is { Length: > 0 } && text[^1] == '\r')
        {
            text = text[..^1];
            length--;
        }
        LineLength = length;
        line = tooLong ? null : text;
        return tooLong ? LineStatus.TooLong : LineStatus.Line;
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
        if (_totalChars > maxTotalChars)
        {
            // Everything buffered is dropped: the caller reports the limit instead of a partial record.
            LimitExceeded = true;
            _end = 0;
            return false;
        }
        return true;
    }
}
