using System.Globalization;
using System.Text;
using System.Xml;

namespace Digest.Web.Feeds;

/// <summary>
/// Writes an <see cref="AtomFeed"/> as Atom 1.0 XML with <see cref="XmlWriter"/>, so every value is encoded: a title of
/// <c>&lt;script&gt;</c> is text in the feed and in every reader. Texts are written as <c>type="text"</c>, never html or
/// xhtml. Characters XML cannot hold (control characters, lone surrogates) become U+FFFD instead of failing the feed.
/// </summary>
public static class AtomFeedWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public const string ContentType = "application/atom+xml; charset=utf-8";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CheckCharacters = true,
    };

    /// <summary>The feed as UTF-8 XML.</summary>
    public static byte[] Write(AtomFeed feed)
    {
        using var buffer = new MemoryStream(16 * 1024);
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            Text(xml, "id", feed.Id);
            Text(xml, "title", feed.Title, typed: true);
            Text(xml, "updated", Timestamp(feed.Updated));
            Link(xml, new AtomLink("self", feed.SelfUrl, "application/atom+xml"));
            Link(xml, new AtomLink("alternate", feed.AlternateUrl, "text/html"));
            // Entries may have no authors (a paper whose source lists none); RFC 4287 then needs a feed author.
            xml.WriteStartElement("author");
            Text(xml, "name", "Digest");
            xml.WriteEndElement();
            xml.WriteStartElement("generator");
            xml.WriteString("Digest");
            xml.WriteEndElement();
            foreach (var entry in feed.Entries) Entry(xml, entry);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void Entry(XmlWriter xml, AtomEntry entry)
    {
        xml.WriteStartElement("entry");
        Text(xml, "id", entry.Id);
        Text(xml, "title", entry.Title, typed: true);
        foreach (var author in entry.Authors)
        {
            xml.WriteStartElement("author");
            Text(xml, "name", author);
            xml.WriteEndElement();
        }
        if (entry.Published is { } published) Text(xml, "published", Timestamp(published));
        Text(xml, "updated", Timestamp(entry.Updated));
        foreach (var link in entry.Links) Link(xml, link);
        foreach (var category in entry.Categories)
        {
            xml.WriteStartElement("category");
            xml.WriteAttributeString("term", Clean(category.Term));
            xml.WriteAttributeString("scheme", Clean(category.Scheme));
            if (category.Label is not null) xml.WriteAttributeString("label", Clean(category.Label));
            xml.WriteEndElement();
        }
        if (!string.IsNullOrEmpty(entry.Summary)) Text(xml, "summary", entry.Summary, typed: true);
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, AtomLink link)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", link.Rel);
        xml.WriteAttributeString("href", Clean(link.Href));
        if (link.Type is not null) xml.WriteAttributeString("type", link.Type);
        if (link.Title is not null) xml.WriteAttributeString("title", Clean(link.Title));
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string value, bool typed = false)
    {
        xml.WriteStartElement(name);
        if (typed) xml.WriteAttributeString("type", "text");
        xml.WriteString(Clean(value));
        xml.WriteEndElement();
    }

    /// <summary>RFC 3339 in UTC, to the second.</summary>
    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><paramref name="text"/> with every character XML 1.0 cannot carry replaced by U+FFFD; the same string when there is none (nearly always).</summary>
    internal static string Clean(string text)
    {
        var firstBad = FirstInvalid(text);
        if (firstBad < 0) return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return clean.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
