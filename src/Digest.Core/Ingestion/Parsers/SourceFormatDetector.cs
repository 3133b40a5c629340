using System.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>Guesses a file's <see cref="SourceFormat"/> from its first few kilobytes, for uploads without <c>--format</c>.</summary>
public static class SourceFormatDetector
{
    /// <summary>How much of a file <see cref="Detect"/> needs, in characters.</summary>
    public const int HeadLength = 8 * 1024;

    /// <summary>
    /// The format the start of a file looks like (BOM and leading whitespace ignored), or null for binary data
    /// or text no parser recognises.
    /// </summary>
    public static SourceFormat? Detect(string head)
    {
        if (string.IsNullOrEmpty(head)) return null;
        head = head.TrimStart('\uFEFF');
        if (head.Length > HeadLength) head = head[..HeadLength];
        if (LooksBinary(head)) return null;
        return PaperParsers.All.FirstOrDefault(parser => parser.Recognizes(head))?.Format;
    }

    /// <summary>How many bytes <see cref="ReadHeadAsync"/> reads: twice <see cref="HeadLength"/>, so that multi-byte UTF-8 still fills the head.</summary>
    public const int HeadBytes = 2 * HeadLength;

    /// <summary>
    /// The first <see cref="HeadBytes"/> bytes of a seekable stream as UTF-8 text (BOM removed), for <see cref="Detect"/>
    /// and the ingest's own checks; the stream is rewound for the parser.
    /// </summary>
    public static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[HeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0) break;
            length += read;
        }
        stream.Position = 0;
        var span = buffer.AsSpan(0, length);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }

    // Text files have no NUL and few control characters; a decoder turns bytes that are not UTF-8 into U+FFFD.
    private static bool LooksBinary(string head)
    {
        if (head.Contains('\0')) return true;
        var suspicious = head.Count(c => c == '\uFFFD' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f'));
        return suspicious * 10 > head.Length;
    }
}
