namespace Digest.Web.Tests.Support;

/// <summary>Recorded arXiv API answers (Fixtures/arxiv) and the settings that point Digest's arXiv client at a local server.</summary>
public static class ArxivResponses
{
    public const string QueryPath = "/api/query";

    public static ScriptedResponse Fixture(string name) => ScriptedResponse.Fixture(Path.Combine("arxiv", name), "application/atom+xml");

    /// <summary>Settings for a host whose arXiv is <paramref name="baseUrl"/>, merged with <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> Settings(string baseUrl, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Digest:Arxiv:BaseUrl"] = baseUrl };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }
}
