using System.ServiceModel.Syndication;
using System.Xml;

namespace Digest.Web.Tests.Support;

/// <summary>Fetches feeds and reads them back with a real Atom parser (System.ServiceModel.Syndication).</summary>
public static class AtomFeeds
{
    public sealed record Fetched(SyndicationFeed Feed, string Xml, HttpResponseMessage Response);

    public static async Task<Fetched> GetFeedAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}:\n{xml[..Math.Min(xml.Length, 2000)]}");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), $"{url} is not an Atom 1.0 feed:\n{xml[..Math.Min(xml.Length, 500)]}");
        formatter.ReadFrom(reader);
        return new Fetched(formatter.Feed, xml, response);
    }

    /// <summary>The path of the entry's alternate link (its paper page).</summary>
    public static string PagePath(this SyndicationItem item) =>
        item.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsolutePath;

    public static SyndicationLink Link(this SyndicationFeed feed, string rel) => feed.Links.Single(l => l.RelationshipType == rel);
}
