using Digest.Core.Papers;

namespace Digest.Core.Trending;

/// <summary>
/// The published trending score (README, "Trending"):
/// <c>score = (votes + AppearanceWeight × appearances) / (age_hours + 2)^Gravity</c>, where votes are the source's
/// upvotes plus this instance's readers' (<see cref="Paper.Votes"/>), appearances the digest days that listed the paper,
/// and age the hours from when it appeared (<see cref="Appeared"/>) to the reference time, never below 0.
/// </summary>
public sealed class TrendingScore
{
    /// <summary>Hours added to the age, so a paper that appeared a moment ago does not divide by zero (and is not infinitely hot).</summary>
    public const double AgeOffsetHours = 2;

    /// <summary>The score with the default <see cref="TrendingOptions"/>.</summary>
    public static readonly TrendingScore Default = new(new TrendingOptions());

    public TrendingScore(TrendingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Gravity = options.Gravity;
        AppearanceWeight = options.AppearanceWeight;
    }

    public double Gravity { get; }

    public double AppearanceWeight { get; }

    /// <summary>The score of a paper with <paramref name="votes"/> and <paramref name="appearances"/>, <paramref name="ageHours"/> old.</summary>
    public double Score(long votes, long appearances, double ageHours) =>
        (votes + AppearanceWeight * appearances) / Math.Pow(Math.Max(0, ageHours) + AgeOffsetHours, Gravity);

    /// <summary>Hours from <paramref name="appeared"/> to <paramref name="at"/> (negative when it appeared later).</summary>
    public static double AgeHours(DateTimeOffset appeared, DateTimeOffset at) => (at - appeared).TotalHours;

    /// <summary>
    /// When a paper appeared: its first digest day at 00:00 UTC, else its publication date at 00:00 UTC, else when
    /// Digest first stored it.
    /// </summary>
    public static DateTimeOffset Appeared(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var day = paper.DigestDays.Count > 0 ? paper.DigestDays[0] : paper.Published;
        return day is { } d ? StartOf(d) : paper.FirstSeen;
    }

    /// <summary>00:00 UTC of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
