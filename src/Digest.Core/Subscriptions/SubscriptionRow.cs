using System.Globalization;
using Digest.Core.Storage;

namespace Digest.Core.Subscriptions;

/// <summary>A <c>subscriptions</c> row as Dapper reads it: text columns, converted to a <see cref="Subscription"/> in one place.</summary>
internal sealed class SubscriptionRow
{
    public const string Columns = """
        id AS Id, email AS Email, view AS View, title AS Title, frequency AS Frequency, status AS Status, nonce AS Nonce,
        created_at AS CreatedAt, confirmed_at AS ConfirmedAt, last_sent_at AS LastSentAt, failures AS Failures,
        last_error AS LastError, last_error_at AS LastErrorAt, retry_at AS RetryAt
        """;

    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string View { get; init; } = "";
    public string Title { get; init; } = "";
    public string Frequency { get; init; } = "";
    public string Status { get; init; } = "";
    public string Nonce { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string? ConfirmedAt { get; init; }
    public string? LastSentAt { get; init; }
    public long Failures { get; init; }
    public string? LastError { get; init; }
    public string? LastErrorAt { get; init; }
    public string? RetryAt { get; init; }

    public Subscription ToSubscription() => new()
    {
        Id = Id,
        Email = Email,
        View = View,
        Title = Title,
        Frequency = Enum.Parse<SubscriptionFrequency>(Frequency, ignoreCase: true),
        Status = Enum.Parse<SubscriptionStatus>(Status, ignoreCase: true),
        Nonce = Nonce,
        CreatedAt = Parse(CreatedAt) ?? DateTimeOffset.MinValue,
        ConfirmedAt = Parse(ConfirmedAt),
        LastSentAt = Parse(LastSentAt),
        Failures = (int)Failures,
        LastError = LastError,
        LastErrorAt = Parse(LastErrorAt),
        RetryAt = Parse(RetryAt),
    };

    public static string Text(SubscriptionFrequency frequency) => frequency.ToString().ToLowerInvariant();

    public static string Text(SubscriptionStatus status) => status.ToString().ToLowerInvariant();

    public static string Time(DateTimeOffset value) => PaperRow.FormatTimestamp(value);

    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
