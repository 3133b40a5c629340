using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Digest.Web.Feeds;

namespace Digest.Web.Tests.Feeds;

/// <summary>The writer on its own: text XML cannot carry must not break a feed (every reader of it would fail).</summary>
public class AtomFeedWriterTests
{
    [Fact]
    public void CharactersXmlCannotHold_BecomeReplacementCharacters_AndTheFeedStaysReadable()
    {
        var time = new DateTimeOffset(2025, 1, 13, 0, 0, 0, TimeSpan.Zero);
        var entry = new AtomEntry("https://papers.example.org/papers/1", "Bell\u0007 and lone \uD800 surrogate, pair 😀 kept", ["Nul\0Name"], time, time,
            "Form feed\f and <script>alert(1)</script>", [new AtomLink("alternate", "https://papers.example.org/papers/1", "text/html")], []);
        var feed = new AtomFeed("https://papers.example.org/feeds/search", "“<b>q</b>” · Digest", time, "https://papers.example.org/feeds/search",
            "https://papers.example.org/search", [entry]);

        var xml = Encoding.UTF8.GetString(AtomFeedWriter.Write(feed));

        using var reader = XmlReader.Create(new StringReader(xml));
        var parsed = SyndicationFeed.Load(reader);
        Assert.Equal("“<b>q</b>” · Digest", parsed.Title.Text);
        var item = Assert.Single(parsed.Items);
        Assert.Equal("Bell\uFFFD and lone \uFFFD surrogate, pair 😀 kept", item.Title.Text);
        Assert.Equal("Nul\uFFFDName", item.Authors.Single().Name);
        Assert.Equal("Form feed\uFFFD and <script>alert(1)</script>", ((TextSyndicationContent)item.Summary).Text);
        Assert.DoesNotContain("<script", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", xml, StringComparison.Ordinal);
    }
}
