namespace Digest.Web.Browsing;

/// <summary>URLs of topic, paper and digest pages, built in one place so links and routes agree.</summary>
public static class TopicUrls
{
    public static string For(string slug) => "/topics/" + Uri.EscapeDataString(slug);
}
