using System.Text;

namespace Digest.Core.Tests.Ingestion.Fuzzing;

/// <summary>
/// Mutates real inputs the way broken tools, transfers and attackers do: bit flips, inserted and deleted bytes,
/// truncation, splices of two inputs, repeated chunks, invalid UTF-8, byte-order marks, changed line endings and
/// tokens that matter to JSON, XML and digest pages. Deterministic for a given <see cref="Random"/> seed, so a
/// failing case is reproduced from its seed alone.
/// </summary>
internal sealed class ByteMutator(Random random)
{
    // Byte sequences a UTF-8 decoder must survive: stray continuation, overlong '/', encoded surrogate, cut sequence, past U+10FFFF.
    private static readonly byte[][] InvalidUtf8 = [[0x80], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xFE, 0xFE]];

    private static readonly byte[][] ByteOrderMarks = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x2B, 0x2F, 0x76]];

    // Tokens that change what a parser sees: structure, escapes, numbers, entities, date lines, non-ASCII digits and controls.
    private static readonly byte[][] Tokens = [.. new[]
    {
        "{", "}", "[", "]", "\"", "\\", ",", ":", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\\u0000", "1e999", "-1", "2147483648", "null", "true",
        "\"title\":", "\"authors\":", "\"paper\":", "\"arxiv_id\": \"2502.17823\"", "\"published\": \"2025-02-30\"", "/*", "//",
        "<", ">", "/>", "</entry>", "<entry>", "<author><name>", "</name></author>", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;",
        "&#x10FFFF;", "&unknown;", "<!DOCTYPE x>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", " xmlns=\"http://www.w3.org/2005/Atom\"",
        " xmlns:p=\"\"", "<p:x>", "<record>", "</record>", "<metadata>", "<version><date>", "Mon, 30 Feb 2007 19:18:42 GMT",
        "\n\n", "\r", "\0", "\t", "\u2028", "Mar 11", "Feb 30, 2024", "Mar ١١", "Mar 11, ٢٠٢٤", "٢٥٠٢.١٧٨٢٣", "Daily Papers",
        "\u202E", "\uFEFF", "\uFFFD", "\uFFFE", "\uFFFF", "😀", "(", ")", " and ", "2401.00001v2", "https://github.com/a/b", "github.com/",
    }.Select(Encoding.UTF8.GetBytes)];

    /// <summary>One to five mutations of <paramref name="input"/>, with a description of each for the failure message.</summary>
    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus, List<string> applied)
    {
        var bytes = new List<byte>(input);
        var count = 1 + random.Next(5);
        for (var i = 0; i < count; i++) applied.Add(MutateOnce(bytes, corpus));
        return [.. bytes];
    }

    private string MutateOnce(List<byte> bytes, IReadOnlyList<byte[]> corpus)
    {
        var at = random.Next(bytes.Count + 1);
        switch (random.Next(11))
        {
            case 0:
                if (bytes.Count == 0) goto case 1;
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips; i++)
                {
                    var index = random.Next(bytes.Count);
                    bytes[index] ^= (byte)(1 << random.Next(8));
                }
                return $"flip {flips} bits";
            case 1:
                var inserted = new byte[1 + random.Next(16)];
                random.NextBytes(inserted);
                bytes.InsertRange(at, inserted);
                return $"insert {inserted.Length} random bytes at {at}";
            case 2:
                if (bytes.Count == 0) goto case 1;
                var start = random.Next(bytes.Count);
                var length = Math.Min(bytes.Count - start, 1 + random.Next(random.Next(2) == 0 ? 8 : 512));
                bytes.RemoveRange(start, length);
                return $"delete {length} bytes at {start}";
            case 3:
                bytes.RemoveRange(at, bytes.Count - at);
                return $"truncate at {at}";
            case 4:
                var other = corpus[random.Next(corpus.Count)];
                var from = random.Next(other.Length + 1);
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.AsSpan(from).ToArray());
                return $"splice at {at} with another input from {from}";
            case 5:
                if (bytes.Count == 0) goto case 1;
                var chunkStart = random.Next(bytes.Count);
                var chunk = bytes.GetRange(chunkStart, Math.Min(bytes.Count - chunkStart, 1 + random.Next(256)));
                var times = 2 + random.Next(63);
                for (var i = 0; i < times; i++) bytes.InsertRange(at, chunk);
                return $"repeat {chunk.Count} bytes from {chunkStart} {times} times at {at}";
            case 6:
                bytes.InsertRange(at, InvalidUtf8[random.Next(InvalidUtf8.Length)]);
                return $"invalid UTF-8 at {at}";
            case 7:
                var bom = ByteOrderMarks[random.Next(ByteOrderMarks.Length)];
                var bomAt = random.Next(2) == 0 ? 0 : at;
                bytes.InsertRange(bomAt, bom);
                return $"byte-order mark {Convert.ToHexString(bom)} at {bomAt}";
            case 8:
                var lineEnding = random.Next(3);
                var converted = ChangeLineEndings([.. bytes], lineEnding);
                bytes.Clear();
                bytes.AddRange(converted);
                return lineEnding switch { 0 => "LF to CRLF", 1 => "LF to CR", _ => "CRLF to LF" };
            default:
                var token = Tokens[random.Next(Tokens.Length)];
                bytes.InsertRange(at, token);
                return $"token '{Encoding.UTF8.GetString(token)}' at {at}";
        }
    }

    private static byte[] ChangeLineEndings(byte[] bytes, int mode)
    {
        var output = new List<byte>(bytes.Length + bytes.Length / 16);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (mode == 2 && b == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n') continue;
            if (b == '\n' && mode == 0) output.Add((byte)'\r');
            output.Add(mode == 1 && b == '\n' ? (byte)'\r' : b);
        }
        return [.. output];
    }
}
