using Microsoft.Data.Sqlite;

namespace Digest.Web.Tests.Support;

/// <summary>
/// Reads the store of a data directory that another process writes (or wrote before it was killed), without opening
/// it as the app does: no migrations, no index, nothing created when there is no store yet.
/// </summary>
public static class StoreProbe
{
    /// <summary>Papers committed to the store; 0 when it does not exist or has no schema yet.</summary>
    public static int CountPapers(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "digest.db");
        if (!File.Exists(path)) return 0;
        // Unpooled, so the test holds no handle on the file once it has its answer.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 5 }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            // One statement: with a pragma before it, ExecuteScalar would answer the pragma's row.
            command.CommandText = "SELECT COUNT(*) FROM papers";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0;
        }
    }
}
