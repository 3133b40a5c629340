using System.Globalization;
using System.Xml;

namespace Digest.Core.Sources;

/// <summary>
/// What a harvest needs from one downloaded OAI-PMH page besides its records: the server's <c>responseDate</c>, an OAI
/// error, and the resumption token of the next page. Reading it whole is also the completeness check: a page cut off
/// fails here, before any of it is ingested.
/// </summary>
public sealed record OaiResponse(DateTimeOffset? ResponseDate, string? ErrorCode, string? ErrorMessage, string? ResumptionToken)
{
    private const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";

    /// <summary>Longest resumption token accepted; arXiv's are about 30 characters, and the token goes into the next URL and the store.</summary>
    public const int MaxTokenLength = 1_000;

    /// <summary>The page's facts, or a problem (not complete XML, not OAI-PMH, an unusable token).</summary>
    public static (OaiResponse? Response, string? Problem) Read(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        DateTimeOffset? responseDate = null;
        string? errorCode = null, errorMessage = null, token = null;
        try
        {
            using var file = File.OpenRead(path);
            if (file.Length == 0) return (null, "the response is empty");
            using var reader = XmlReader.Create(file, settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "OAI-PMH" || reader.NamespaceURI != OaiNamespace)
            {
                return (null, $"expected an OAI-PMH response, found <{reader.Name}>");
            }
            // Reading every node to the end is the completeness check; the Read*Content calls move past what they read.
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != OaiNamespace)
                {
                    reader.Read();
                    continue;
                }
                switch (reader.LocalName)
                {
                    case "responseDate" when reader.Depth == 1:
                        responseDate = ParseTimestamp(reader.ReadElementContentAsString());
                        break;
                    case "error" when reader.Depth == 1:
                        // The first error is the one that counts; OAI-PMH may list several for one bad request.
                        errorCode ??= reader.GetAttribute("code") ?? "(no code)";
                        var message = reader.ReadElementContentAsString().Trim();
                        errorMessage ??= message;
                        break;
                    case "resumptionToken":
                        token = reader.ReadElementContentAsString().Trim();
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            return (null, $"the response is not valid, complete XML (line {e.LineNumber}): {e.Message.Split(". ")[0]}");
        }
        if (token is { Length: > MaxTokenLength }) return (null, $"the resumption token is {token.Length} characters long; at most {MaxTokenLength} are accepted");
        if (token is not null && token.Any(char.IsControl)) return (null, "the resumption token contains control characters");
        return (new OaiResponse(responseDate, errorCode, errorMessage, string.IsNullOrEmpty(token) ? null : token), null);
    }

    private static DateTimeOffset? ParseTimestamp(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
