using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Digest.Web.Tests.Readers;

/// <summary>
/// The admin bootstrap of a fresh instance without mail: <c>digest users invite you@lab.org --admin</c>, run as its own
/// process beside the running app (as <c>docker exec</c> does), prints a link that signs in an admin once.
/// </summary>
public sealed partial class UsersCommandTests
{
    [Fact]
    public async Task InviteAdmin_PrintsALinkThatSignsInOnce_AndTheAdminCanCurate()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:PublicBaseUrl"] = "https://papers.example.org" });
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        (await browser.GetAsync("/")).EnsureSuccessStatusCode();

        var (exit, output) = await RunCliAsync(app.DataDirectory, "users", "invite", "You@Lab.org", "--admin");
        Assert.True(exit == 0, output);
        var link = Link().Match(output);
        Assert.True(link.Success, output);
        Assert.Contains("you@lab.org is an admin", output);

        var signedIn = await ReaderHarness.SubmitAsync(browser, link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // Reached over HTTPS (or with an https public address), the cookie is Secure.
        Assert.Contains("secure", signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("digest_session=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(link.Groups[1].Value)).StatusCode);

        var (listed, list) = await RunCliAsync(app.DataDirectory, "users", "list");
        Assert.Equal(0, listed);
        Assert.Contains("you@lab.org  admin  active", list);
        Assert.Contains("1 reader", list);

        var (signedOut, signOut) = await RunCliAsync(app.DataDirectory, "users", "signout", "you@lab.org");
        Assert.True(signedOut == 0, signOut);
        Assert.Contains("1 session ended", signOut);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("users invite")]
    [InlineData("users invite not-an-address")]
    [InlineData("users list --admin")]
    [InlineData("users disable nobody@example.org")]
    [InlineData("users invite a@example.org --admin=yes")]
    public async Task BadUsage_ExitsWithUsage(string command)
    {
        using var app = new DigestAppFactory();
        var (exit, output) = await RunCliAsync(app.DataDirectory, command.Split(' '));
        Assert.Equal(2, exit);
        Assert.Contains("usage: digest users", output);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(string dataDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Digest.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["Digest__DataDirectory"] = dataDirectory;
        start.Environment["Digest__PublicBaseUrl"] = "https://papers.example.org";
        start.Environment["Digest__Semantic__Enabled"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"https://papers\.example\.org(/signin/link\?token=[A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}
