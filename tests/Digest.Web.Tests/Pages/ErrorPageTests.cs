using System.Net;
using Digest.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Digest.Web.Tests.Pages;

public class ErrorPageTests
{
    [Fact]
    public async Task ServerError_IsAFriendlyPage_OrProblemJson_WithoutDetails()
    {
        using var app = await TestCorpus.CreateAppAsync();
        using var client = app.CreateClient();
        // Break the store under the running app: every paper lookup now throws inside the request.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "digest.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE papers RENAME TO papers_gone";
            await command.ExecuteNonQueryAsync();
        }

        var page = await client.GetAsync("/papers/2501.00001");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("papers_gone", html);
        Assert.DoesNotContain("SqliteException", html);
        Assert.DoesNotContain("   at ", html);
        Assert.Contains("Content-Security-Policy", string.Join(' ', page.Headers.Select(h => h.Key)));

        var api = await client.GetAsync("/api/papers/2501.00001");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("Sqlite", await api.Content.ReadAsStringAsync());
    }
}
