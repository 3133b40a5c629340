using Digest.Core.Storage;

namespace Digest.Core.Readers;

/// <summary>A <c>readers</c> row as Dapper reads it.</summary>
internal sealed class ReaderRow
{
    public const string Columns = "id AS Id, email AS Email, is_admin AS IsAdmin, created_at AS CreatedAt, last_signed_in AS LastSignedIn, disabled_at AS DisabledAt";

    public long Id { get; set; }
    public string Email { get; set; } = "";
    public long IsAdmin { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? LastSignedIn { get; set; }
    public string? DisabledAt { get; set; }

    public Reader ToReader() => new(Id, Email, IsAdmin == 1, StoreTime.Parse(CreatedAt), StoreTime.ParseOrNull(LastSignedIn), StoreTime.ParseOrNull(DisabledAt));
}
