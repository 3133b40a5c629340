using Dapper;
using Digest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Support;

/// <summary>Reader rows for tests of features that only need a reader to exist (submissions).</summary>
public static class TestReaders
{
    private const string AddSql = """
        INSERT INTO readers (email, is_admin, created_at) VALUES (@email, 0, '2026-01-01T00:00:00.000Z') RETURNING id
        """;

    public static async Task<long> AddAsync(IServiceProvider services, string email)
    {
        await using var connection = await services.GetRequiredService<SqliteDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(AddSql, new { email });
    }
}
