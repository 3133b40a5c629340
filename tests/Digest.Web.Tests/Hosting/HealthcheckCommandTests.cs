using Digest.Web.CommandLine;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Hosting;

public class HealthcheckCommandTests
{
    private static async Task<int> RunAsync(params string[] args)
    {
        var arguments = CliArguments.Parse(["healthcheck", .. args], new HealthcheckCommand().ValueOptions);
        return await new HealthcheckCommand().RunAsync(arguments, new ServiceCollection().BuildServiceProvider(), TextWriter.Null, TextWriter.Null, CancellationToken.None);
    }

    [Fact]
    public async Task Healthcheck_ReadyServer_ExitsZero_UnreadyOrAbsent_ExitsOne()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script("/readyz", new ScriptedResponse(200, "{}"));
        server.Script("/down", new ScriptedResponse(503, "{}"));

        Assert.Equal(0, await RunAsync("--url", server.BaseUrl + "/readyz"));
        Assert.Equal(1, await RunAsync("--url", server.BaseUrl + "/down"));
        Assert.Equal(1, await RunAsync("--url", "http://127.0.0.1:9/readyz", "--timeout", "2"));
    }

    [Fact]
    public async Task Healthcheck_SlowServer_TimesOut_ExitsOne()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script("/readyz", new ScriptedResponse(200, "{}") { Delay = TimeSpan.FromSeconds(30) });

        Assert.Equal(1, await RunAsync("--url", server.BaseUrl + "/readyz", "--timeout", "0.3"));
    }

    [Fact]
    public void Healthcheck_IsRegistered_AndNeedsNoStore()
    {
        var command = CliCommands.Find("healthcheck");
        Assert.NotNull(command);
        Assert.False(command.NeedsStore);
        Assert.True(CliRunner.IsVerb(["healthcheck"]));
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:8080/readyz")]
    [InlineData("18080", "http://127.0.0.1:18080/readyz")]
    [InlineData("8081;8082", "http://127.0.0.1:8081/readyz")]
    [InlineData("junk", "http://127.0.0.1:8080/readyz")]
    public void Healthcheck_DefaultUrl_FollowsTheContainerPort(string? ports, string expected) =>
        Assert.Equal(expected, HealthcheckCommand.LocalReadinessUrl(ports));
}
