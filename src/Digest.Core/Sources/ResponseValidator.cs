using System.Text.Json;
using System.Xml;
using Digest.Core.Configuration;

namespace Digest.Core.Sources;

/// <summary>
/// Checks that a downloaded response is complete and of the expected shape before anything of it is ingested. The
/// parsers are lenient on purpose (a file cut short still yields the records before the cut); a fetch must not be:
/// a truncated response is retried at the next run, and a partial one must not be mistaken for the whole list.
/// </summary>
public static class ResponseValidator
{
    /// <summary>Null when the file is usable, else the problem.</summary>
    public static async Task<string?> ValidateAsync(RemoteSourceKind kind, string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        if (file.Length == 0) return "the response is empty";
        return kind switch
        {
            RemoteSourceKind.ArxivQuery => ValidateXml(file, IsAtomFeed, "an Atom feed"),
            // A weekend's feed has a channel and no items: complete, and valid.
            RemoteSourceKind.ArxivListing => ValidateXml(file, root => IsAtomFeed(root) || root is { LocalName: "rss", NamespaceURI: "" }, "an RSS 2.0 or Atom feed"),
            RemoteSourceKind.ArxivOai => OaiResponse.Read(path).Problem,
            _ => await ValidateJsonAsync(file, cancellationToken),
        };
    }

    private static async Task<string?> ValidateJsonAsync(Stream file, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(file, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? null
                : $"expected a JSON array of daily papers, found a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}";
        }
        catch (JsonException e)
        {
            return $"the response is not valid, complete JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(". ")[0]}";
        }
    }

    private static bool IsAtomFeed(XmlReader root) => root is { LocalName: "feed", NamespaceURI: "http://www.w3.org/2005/Atom" };

    private static string? ValidateXml(Stream file, Func<XmlReader, bool> rootIsExpected, string expected)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(file, settings);
            if (reader.MoveToContent() != XmlNodeType.Element || !rootIsExpected(reader))
            {
                return $"expected {expected}, found <{reader.Name}>{(reader.NamespaceURI.Length > 0 ? $" in namespace '{reader.NamespaceURI}'" : "")}";
            }
            while (reader.Read())
            {
                // Reading to the end is the check: a cut-off document fails at the cut.
            }
            return null;
        }
        catch (XmlException e)
        {
            return $"the response is not valid, complete XML (line {e.LineNumber}): {e.Message.Split(". ")[0]}";
        }
    }
}
