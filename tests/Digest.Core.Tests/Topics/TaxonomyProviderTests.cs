using Digest.Core.Topics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Topics;

public sealed class TaxonomyProviderTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("digest-topics-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private TaxonomyProvider CreateProvider() => new(_dataDirectory, NullLogger<TaxonomyProvider>.Instance);

    private void WriteCuratedFile(string text) => File.WriteAllText(Path.Combine(_dataDirectory, TaxonomyLoader.FileName), text);

    [Fact]
    public void Without_a_file_the_default_taxonomy_is_used()
    {
        var provider = CreateProvider();

        Assert.Equal(TaxonomyLoader.LoadDefault().Taxonomy!.Fingerprint, provider.Fingerprint);
        Assert.Empty(provider.Problems);
    }

    [Fact]
    public void Bad_file_at_start_up_falls_back_to_the_default_and_reports_problems()
    {
        WriteCuratedFile("[x]\nlabel = X\n");

        var provider = CreateProvider();

        Assert.NotNull(provider.Current.Find("llm"));
        Assert.Null(provider.Current.Find("x"));
        Assert.Contains(provider.Problems, p => p.Line == 1 && p.Reason.Contains("has no query"));
    }

    [Fact]
    public void Reload_with_a_bad_file_keeps_the_last_good_taxonomy_and_returns_the_problems()
    {
        WriteCuratedFile("[cooking]\nlabel = Cooking\nquery = recipe\n");
        var provider = CreateProvider();
        var good = provider.Current;
        Assert.NotNull(good.Find("cooking"));

        WriteCuratedFile("[cooking]\nlabel = Cooking\nquery = recipe\nparent = food\n");
        var problems = provider.Reload();

        var problem = Assert.Single(problems);
        Assert.Equal(4, problem.Line);
        Assert.Same(good, provider.Current);
        Assert.Equal(good.Fingerprint, provider.Fingerprint);
    }

    [Fact]
    public void Reload_with_a_good_file_switches_taxonomy_and_fingerprint()
    {
        var provider = CreateProvider();
        var before = provider.Fingerprint;

        WriteCuratedFile("mode = replace\n[cooking]\nlabel = Cooking\nquery = recipe\n");

        Assert.Empty(provider.Reload());
        Assert.Equal(["cooking"], provider.Current.Topics.Select(t => t.Slug));
        Assert.NotEqual(before, provider.Fingerprint);
    }
}
