using AngleSharp;
using AngleSharp.Dom;

namespace Digest.Web.Tests.Support;

/// <summary>Fetches pages and parses them with AngleSharp.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(string html) => await Context.OpenAsync(request => request.Content(html));

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}:\n{body[..Math.Min(body.Length, 2000)]}");
        return await ParseAsync(body);
    }

    /// <summary>The total shown on a search view.</summary>
    public static int Total(this IDocument page) =>
        int.Parse(page.QuerySelector("[data-total]")!.GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The base of the test host's absolute URLs (its requests come to http://localhost).</summary>
    public const string TestBase = "http://localhost";

    public static string? Canonical(this IDocument page) => page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    public static string? Description(this IDocument page) => page.QuerySelector("meta[name=description]")?.GetAttribute("content");
}
