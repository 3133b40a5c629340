namespace Digest.Core.Trending;

/// <summary>
/// The days of one trending view: a day, an ISO week (Monday to Sunday) or a calendar month, and its neighbours.
/// Its papers are ranked by the trending score at its end (<see cref="RankedAt"/>), so a past week reads as it stood
/// when it closed, and the current one as it stands now.
/// </summary>
public sealed record TrendingWindow(TrendingPeriod Period, DateOnly First, DateOnly Last)
{
    /// <summary>Earliest day a view may start on: arXiv opened in August 1991, and nothing Digest lists is older in practice.</summary>
    public static readonly DateOnly Earliest = new(1991, 1, 1);

    /// <summary>The window of <paramref name="period"/> that contains <paramref name="day"/>.</summary>
    public static TrendingWindow Containing(TrendingPeriod period, DateOnly day) => period switch
    {
        TrendingPeriod.Week => new(period, day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(6 - (((int)day.DayOfWeek + 6) % 7))),
        TrendingPeriod.Month => new(period, new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))),
        _ => new(period, day, day),
    };

    /// <summary>The window before this one, or null before <see cref="Earliest"/>.</summary>
    public TrendingWindow? Previous => First <= Earliest ? null : Containing(Period, First.AddDays(-1));

    /// <summary>The window after this one, or null when this one holds <paramref name="today"/> (nothing has appeared later).</summary>
    public TrendingWindow? Next(DateOnly today) => Last >= today ? null : Containing(Period, Last.AddDays(1));

    /// <summary>00:00 UTC of the day after <see cref="Last"/>.</summary>
    public DateTimeOffset End => TrendingScore.StartOf(Last).AddDays(1);

    /// <summary>The time the window's papers are ranked at: its end, or <paramref name="now"/> while it is still open.</summary>
    public DateTimeOffset RankedAt(DateTimeOffset now) => End < now ? End : now;
}
