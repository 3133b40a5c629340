using Digest.Core.Configuration;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Web.Tests.Hosting;

public class ConfigurationTests
{
    [Theory]
    [InlineData("Digest:PublicBaseUrl", "papers.example.org", "Digest:PublicBaseUrl (Digest__PublicBaseUrl)")]
    [InlineData("Digest:PublicBaseUrl", "ftp://papers.example.org", "Digest:PublicBaseUrl")]
    [InlineData("Digest:Sources:0:Kind", "Rss", "Digest:Sources:0:Kind")]
    [InlineData("Digest:Sources:0:Query", "", "Digest:Sources:0:Query (Digest__Sources__0__Query)")]
    [InlineData("Digest:Sources:0:Interval", "00:00:05", "Digest:Sources:0:Interval")]
    [InlineData("Digest:Sources:0:Interval", "six hours", "Digest:Sources:0:Interval")]
    [InlineData("Digest:Fetch:MaxRetries", "50", "Digest:Fetch:MaxRetries (Digest__Fetch__MaxRetries)")]
    [InlineData("Digest:JsonLogs", "sometimes", "Digest:JsonLogs")]
    [InlineData("Digest:Arxiv:BaseUrl", "export.arxiv.org", "Digest:Arxiv:BaseUrl (Digest__Arxiv__BaseUrl)")]
    [InlineData("Digest:Arxiv:BatchSize", "0", "Digest:Arxiv:BatchSize (Digest__Arxiv__BatchSize)")]
    [InlineData("Digest:Arxiv:LookupInterval", "00:00:00", "Digest:Arxiv:LookupInterval")]
    [InlineData("Digest:Arxiv:UnreachableRetry", "30.00:00:00", "Digest:Arxiv:UnreachableRetry")]
    [InlineData("Digest:Arxiv:TitleLookup", "maybe", "Digest:Arxiv:TitleLookup")]
    [InlineData("Digest:Trending:Gravity", "0", "Digest:Trending:Gravity (Digest__Trending__Gravity)")]
    [InlineData("Digest:Trending:AppearanceWeight", "-1", "Digest:Trending:AppearanceWeight")]
    public void Start_WithABadSetting_FailsWithAMessageNamingIt(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Sources:0:Name"] = "arxiv",
            ["Digest:Sources:0:Kind"] = "ArxivQuery",
            ["Digest:Sources:0:Query"] = "cat:cs.LG",
            [key] = value,
        };
        using var app = new DigestAppFactory(settings);

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(expected, AllMessages(failure));
    }

    [Fact]
    public void Start_WithGoodSettings_Serves()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?>
        {
            ["Digest:PublicBaseUrl"] = "https://papers.example.org/digest",
            ["Digest:JsonLogs"] = "true",
            ["Digest:Sources:0:Name"] = "hf-daily",
            ["Digest:Sources:0:Kind"] = "HuggingFaceDaily",
            ["Digest:Sources:0:BaseUrl"] = "http://127.0.0.1:9",
            ["Digest:Sources:0:DailyAt"] = "07:30",
        });
        using var client = app.CreateClient();
        var options = app.Services.GetRequiredService<IOptions<DigestOptions>>().Value;

        Assert.Equal(new TimeOnly(7, 30), options.Sources[0].DailyAt);
        Assert.Equal(RemoteSourceKind.HuggingFaceDaily, options.Sources[0].Kind);
    }

    [Fact]
    public void DataProtectionKeys_LiveInTheDataVolume_SoFormsSurviveAnUpdate()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();

        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x"u8.ToArray());

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml"));
    }

    [Fact]
    public void Validator_DuplicateSourceNames_AreNamed()
    {
        var options = new DigestOptions
        {
            Sources = [new RemoteSourceOptions { Name = "hf" }, new RemoteSourceOptions { Name = "HF" }],
        };

        var result = new DigestOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:Sources:1:Name", StringComparison.Ordinal) && f.Contains("unique"));
    }

    public static TheoryData<RemoteSourceOptions, string> BadHarvestAndListingSources => new()
    {
        { new RemoteSourceOptions { Name = "oai", Kind = RemoteSourceKind.ArxivOai, BaseUrl = "http://127.0.0.1:9/oai2", MetadataPrefix = "marc21" }, "Digest:Sources:0:MetadataPrefix (Digest__Sources__0__MetadataPrefix) must be one of: arXivRaw, arXiv, oai_dc." },
        { new RemoteSourceOptions { Name = "oai", Kind = RemoteSourceKind.ArxivOai, BaseUrl = "http://127.0.0.1:9/oai2", Set = "cs&verb=Identify" }, "Digest:Sources:0:Set (Digest__Sources__0__Set)" },
        { new RemoteSourceOptions { Name = "oai", Kind = RemoteSourceKind.ArxivOai, BaseUrl = "http://127.0.0.1:9/oai2", From = new DateOnly(1989, 12, 31) }, "Digest:Sources:0:From (Digest__Sources__0__From)" },
        { new RemoteSourceOptions { Name = "rss", Kind = RemoteSourceKind.ArxivListing, BaseUrl = "http://127.0.0.1:9" }, "Digest:Sources:0:Categories (Digest__Sources__0__Categories__0, ...) must list 1 to 50" },
        { new RemoteSourceOptions { Name = "rss", Kind = RemoteSourceKind.ArxivListing, BaseUrl = "http://127.0.0.1:9", Categories = ["cs.LG", "../admin"] }, "'../admin' is not an arXiv category" },
        { new RemoteSourceOptions { Name = "rss", Kind = RemoteSourceKind.ArxivListing, BaseUrl = "http://127.0.0.1:9", Categories = ["cs.LG"], Format = (ArxivListingFormat)7 }, "Digest:Sources:0:Format (Digest__Sources__0__Format) must be one of: Rss, Atom." },
    };

    [Theory]
    [MemberData(nameof(BadHarvestAndListingSources))]
    public void Validator_BadHarvestOrListingSettings_AreNamed(RemoteSourceOptions source, string expected)
    {
        var result = new DigestOptionsValidator().Validate(null, new DigestOptions { Sources = [source] });

        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RemoteSourceKind.ArxivOai, null, true)]
    [InlineData(RemoteSourceKind.ArxivListing, null, true)]
    [InlineData(RemoteSourceKind.ArxivQuery, "https://export.arxiv.org", true)]
    [InlineData(RemoteSourceKind.ArxivListing, "http://127.0.0.1:8080", false)]
    [InlineData(RemoteSourceKind.HuggingFaceDaily, null, false)]
    public void Validator_SpacingUnderThreeSeconds_IsRefusedOnlyForArxivHosts(RemoteSourceKind kind, string? baseUrl, bool refused)
    {
        var options = new DigestOptions
        {
            Sources = [new RemoteSourceOptions { Name = "src", Kind = kind, BaseUrl = baseUrl, Query = "cat:cs.LG", Categories = ["cs.LG"] }],
            Fetch = new FetchOptions { MinRequestSpacing = TimeSpan.FromSeconds(1) },
        };

        var result = new DigestOptionsValidator().Validate(null, options);

        var spacing = (result.Failures ?? []).Where(f => f.StartsWith("Digest:Fetch:MinRequestSpacing", StringComparison.Ordinal)).ToList();
        if (refused) Assert.Contains("must be at least 00:00:03 while source 'src' fetches from arXiv", Assert.Single(spacing));
        else Assert.Empty(spacing);
    }

    [Fact]
    public void Start_WithHarvestAndListingSources_BindsTheirSettings()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?>
        {
            ["Digest:Sources:0:Name"] = "oai",
            ["Digest:Sources:0:Kind"] = "ArxivOai",
            ["Digest:Sources:0:BaseUrl"] = "http://127.0.0.1:9/oai2",
            ["Digest:Sources:0:MetadataPrefix"] = "oai_dc",
            ["Digest:Sources:0:Set"] = "physics:hep-th",
            ["Digest:Sources:0:From"] = "2024-11-01",
            ["Digest:Sources:1:Name"] = "listing",
            ["Digest:Sources:1:Kind"] = "ArxivListing",
            ["Digest:Sources:1:BaseUrl"] = "http://127.0.0.1:9",
            ["Digest:Sources:1:Categories:0"] = "cs.LG",
            ["Digest:Sources:1:Categories:1"] = "cs.CL",
            ["Digest:Sources:1:Format"] = "Atom",
            ["Digest:Sources:1:DailyAt"] = "00:30",
        });

        var sources = app.Services.GetRequiredService<IOptions<DigestOptions>>().Value.Sources;

        Assert.Equal(("oai_dc", "physics:hep-th", new DateOnly(2024, 11, 1)), (sources[0].MetadataPrefix, sources[0].Set, sources[0].From));
        Assert.Equal(["cs.LG", "cs.CL"], sources[1].Categories);
        Assert.Equal(ArxivListingFormat.Atom, sources[1].Format);
        Assert.Equal(["http://127.0.0.1:9/atom/cs.LG", "http://127.0.0.1:9/atom/cs.CL"],
            Digest.Core.Sources.RemoteSourceRunner.RequestUrls(sources[1], new DateOnly(2024, 12, 2)).Select(u => u.ToString()));
    }

    [Fact]
    public void DefaultBaseUrls_AreArxivsPublicServices()
    {
        Assert.Equal("http://export.arxiv.org/oai2", new RemoteSourceOptions { Kind = RemoteSourceKind.ArxivOai }.EffectiveBaseUrl);
        Assert.Equal("https://rss.arxiv.org", new RemoteSourceOptions { Kind = RemoteSourceKind.ArxivListing }.EffectiveBaseUrl);
    }

    private static string AllMessages(Exception e)
    {
        var text = "";
        for (Exception? current = e; current is not null; current = current.InnerException) text += current.Message + "\n";
        if (e is AggregateException aggregate) text += string.Join("\n", aggregate.InnerExceptions.Select(AllMessages));
        return text;
    }
}
