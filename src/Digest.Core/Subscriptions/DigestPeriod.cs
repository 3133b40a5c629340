using System.Globalization;
using Digest.Core.Configuration;

namespace Digest.Core.Subscriptions;

/// <summary>
/// Names the period a send belongs to. Periods start at the daily run time (<see cref="EmailOptions.SendAt"/>, UTC):
/// a daily period is the day of that run (<c>2026-12-01</c>), a weekly one its ISO week (<c>2026-W49</c>).
/// One send is recorded per subscription and period, which is what makes a digest go out once per period.
/// </summary>
public static class DigestPeriod
{
    /// <summary>The period <paramref name="now"/> falls in.</summary>
    public static string Current(SubscriptionFrequency frequency, DateTimeOffset now, TimeSpan sendAt)
    {
        var day = DateOnly.FromDateTime((now.ToUniversalTime() - sendAt).UtcDateTime);
        if (frequency == SubscriptionFrequency.Daily) return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>The next daily run time after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeSpan sendAt)
    {
        var utc = now.ToUniversalTime();
        var today = new DateTimeOffset(utc.Date, TimeSpan.Zero) + sendAt;
        return today > utc ? today : today.AddDays(1);
    }
}
