using System.Text;
using System.Xml;
using Digest.Web.Browsing;
using Digest.Web.Feeds;

namespace Digest.Web.OpenSearch;

/// <summary>
/// The OpenSearch 1.1 description (<c>/opensearch.xml</c>) that lets a browser add Digest as a search engine: result
/// pages, the Atom feed of a search, and address-bar suggestions, each as a URL template with <c>{searchTerms}</c>.
/// </summary>
public static class OpenSearchDescription
{
    public const string Namespace = "http://a9.com/-/spec/opensearch/1.1/";

    public const string ContentType = "application/opensearchdescription+xml";

    public const string Path = "/opensearch.xml";

    /// <summary>Media type of the suggestions answer (the OpenSearch suggestions extension).</summary>
    public const string SuggestionsType = "application/x-suggestions+json";

    /// <summary>The description with absolute templates under <paramref name="baseUrl"/>.</summary>
    public static byte[] Write(string baseUrl)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("OpenSearchDescription", Namespace);
            xml.WriteElementString("ShortName", Namespace, "Digest");
            xml.WriteElementString("Description", Namespace, "Search research papers on Digest: titles, abstracts, authors and topics.");
            xml.WriteElementString("InputEncoding", Namespace, "UTF-8");
            xml.WriteStartElement("Image", Namespace);
            xml.WriteAttributeString("type", "image/svg+xml");
            xml.WriteString(baseUrl + "/favicon.svg");
            xml.WriteEndElement();
            Url(xml, "text/html", baseUrl + SearchUrls.SearchPath + "?" + SearchParameters.Query + "={searchTerms}");
            Url(xml, "application/atom+xml", baseUrl + FeedUrls.Prefix + SearchUrls.SearchPath + "?" + SearchParameters.Query + "={searchTerms}");
            Url(xml, SuggestionsType, baseUrl + OpenSearchEndpoints.SuggestPath + "?" + OpenSearchEndpoints.SuggestPrefix + "={searchTerms}");
            Url(xml, ContentType, baseUrl + Path, rel: "self");
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void Url(XmlWriter xml, string type, string template, string? rel = null)
    {
        xml.WriteStartElement("Url", Namespace);
        xml.WriteAttributeString("type", type);
        if (rel is not null) xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("method", "get");
        xml.WriteAttributeString("template", template);
        xml.WriteEndElement();
    }
}
