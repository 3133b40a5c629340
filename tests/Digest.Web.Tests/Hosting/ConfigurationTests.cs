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

    private static string AllMessages(Exception e)
    {
        var text = "";
        for (Exception? current = e; current is not null; current = current.InnerException) text += current.Message + "\n";
        if (e is AggregateException aggregate) text += string.Join("\n", aggregate.InnerExceptions.Select(AllMessages));
        return text;
    }
}
