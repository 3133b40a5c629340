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

    /// <summary>Reads the head of <paramref name="reader"/> (up to <see cref="HeadLength"/> characters) for <see cref="Detect"/>.</summary>
    public static string ReadHead(TextReader reader)
    {
        var buffer = new char[HeadLength];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = reader.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        return new string(buffer, 0, total);
    }

    // Text files have no NUL and few control characters; a decoder turns bytes that are not UTF-8 into U+FFFD.
    private static bool LooksBinary(string head)
    {
        if (head.Contains('\0')) return true;
        var suspicious = head.Count(c => c == '\uFFFD' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f'));
        return suspicious * 10 > head.Length;
    }
}
