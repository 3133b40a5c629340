using System.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>Reads a whole (small) source into memory, refusing to read past a character budget.</summary>
internal static class BoundedText
{
    /// <summary>The whole text, or null when it is longer than <paramref name="maxChars"/>.</summary>
    public static string? ReadAll(TextReader reader, long maxChars)
    {
        var builder = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (builder.Length + (long)read > maxChars) return null;
            builder.Append(buffer, 0, read);
        }
        return builder.ToString();
    }
}
