using Digest.Core.Configuration;

namespace Digest.Core.Sources;

/// <summary>When a remote source is next due, from its settings and its last attempt.</summary>
public static class SourceSchedule
{
    /// <summary>A failed source is tried again after at most this long, however long its interval.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    /// <summary>The next fetch time; <paramref name="lastAttempt"/> null (never fetched) means now.</summary>
    public static DateTimeOffset NextDue(RemoteSourceOptions source, DateTimeOffset? lastAttempt, bool lastFailed, DateTimeOffset now)
    {
        if (lastAttempt is not { } last) return now;
        if (source.DailyAt is { } at)
        {
            var next = new DateTimeOffset(DateOnly.FromDateTime(last.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
            if (next <= last) next = next.AddDays(1);
            return lastFailed && last + RetryAfterFailure < next ? last + RetryAfterFailure : next;
        }
        var wait = lastFailed && RetryAfterFailure < source.Interval ? RetryAfterFailure : source.Interval;
        return last + wait;
    }
}
