using Digest.Core.Arxiv;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Arxiv;

public class ArxivClientTests
{
    private const string QueryPath = ArxivResponses.QueryPath;

    [Fact]
    public async Task GetById_ParsesTheEntry_AndAsksForThatIdOnly()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));

        var answer = await host.Get<ArxivClient>().GetByIdAsync("2403.01234", CancellationToken.None);

        Assert.True(answer.Answered, answer.Unreachable);
        var paper = Assert.Single(answer.Entries);
        Assert.Equal("2403.01234", paper.Id);
        Assert.Equal("Sparse Widgets for Everyone", paper.Title);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], paper.Authors);
        Assert.Equal(new DateOnly(2024, 3, 2), paper.Published);
        Assert.Equal(["cs.LG", "cs.AI"], paper.Categories);
        var request = Assert.Single(server.RequestsTo(QueryPath));
        Assert.Equal("?id_list=2403.01234&start=0&max_results=1", request.Query);
        Assert.StartsWith("Digest/", request.UserAgent);
    }

    [Fact]
    public async Task GetById_OldStyleId_IsEncodedIntoTheQuery()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, ArxivResponses.Fixture("empty.xml"));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));

        var answer = await host.Get<ArxivClient>().GetByIdAsync("hep-th/9901001", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Empty(answer.Entries);
        Assert.Equal("?id_list=hep-th%2F9901001&start=0&max_results=1", Assert.Single(server.RequestsTo(QueryPath)).Query);
    }

    [Theory]
    [InlineData("empty.xml")]
    [InlineData("error-bad-id.xml")]
    [InlineData("title-pointer-networks.xml")]
    public async Task GetById_AnswerWithoutThatId_HasNoEntry(string fixture)
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, ArxivResponses.Fixture(fixture));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));

        var answer = await host.Get<ArxivClient>().GetByIdAsync("2401.09999", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Empty(answer.Entries);
    }

    [Fact]
    public async Task SearchByTitle_SendsTheQuotedTitleField_Encoded_WithoutAnythingTheTitleCouldInject()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, ArxivResponses.Fixture("title-pointer-networks.xml"));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));

        var answer = await host.Get<ArxivClient>().SearchByTitleAsync("Pointer\" OR au:\"x&max_results=5000", CancellationToken.None);

        Assert.Equal(2, answer.Entries.Count);
        var query = Assert.Single(server.RequestsTo(QueryPath)).Query;
        Assert.Equal("?search_query=ti%3A%22Pointer%22%20AND%20ti%3A%22au%20x%20max%20results%205000%22&start=0&max_results=10", query);
    }

    [Fact]
    public async Task ServerError_ThenAnswer_IsRetriedOnce()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, new ScriptedResponse(503, "busy"), ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));

        var answer = await host.Get<ArxivClient>().GetByIdAsync("2403.01234", CancellationToken.None);

        Assert.Single(answer.Entries);
        Assert.Equal(2, server.RequestsTo(QueryPath).Count);
    }

    [Fact]
    public async Task RetryAfterLongerThanAReaderWaits_IsUnreachable_WithoutWaiting()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, new ScriptedResponse(503, "maintenance") { Headers = { ["Retry-After"] = "120" } });
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var answer = await host.Get<ArxivClient>().GetByIdAsync("2403.01234", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Contains("503", answer.Unreachable);
        Assert.Single(server.RequestsTo(QueryPath));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task TruncatedFeed_IsUnreachable_NotAnEmptyAnswer()
    {
        await using var server = await RecordedApiServer.StartAsync();
        var whole = ArxivResponses.Fixture("id-2403.01234.xml");
        server.Script(QueryPath, whole with { Body = whole.Body[..(whole.Body.Length / 2)] });
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));

        var answer = await host.Get<ArxivClient>().GetByIdAsync("2403.01234", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Contains("not valid, complete XML", answer.Unreachable);
    }

    [Fact]
    public async Task NothingListening_IsUnreachable()
    {
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings($"http://127.0.0.1:{FreePort.Pick()}"));

        var answer = await host.Get<ArxivClient>().GetByIdAsync("2403.01234", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Contains("cannot reach", answer.Unreachable);
    }
}
