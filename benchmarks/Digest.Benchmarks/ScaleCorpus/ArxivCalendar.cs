using System.Globalization;

namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>
/// Publication dates from April 2007 (the first new-style arXiv ids) to November 2026, spread by year as arXiv's yearly
/// submissions grew, and an id for each whose YYMM is the date's month: YYMM.NNNN until 2014, YYMM.NNNNN from 2015, as
/// arXiv numbers them. Only a counter per month is kept, so ids are unique however many papers are written.
/// </summary>
internal sealed class ArxivCalendar
{
    private static readonly DateOnly First = new(2007, 4, 1);
    private static readonly DateOnly Last = new(2026, 11, 30);

    // arXiv's new submissions per year, in thousands (2007 counted from April): the growth the corpus follows.
    private static readonly int[] ThousandsPerYear =
        [42, 59, 64, 70, 77, 84, 92, 97, 105, 113, 124, 140, 155, 178, 181, 186, 208, 240, 280, 300];

    // December sees about 25% more new papers than January.
    private const double GrowthWithinYear = 0.25;

    private readonly double[] _cumulativeYearShare;
    private readonly Dictionary<int, int> _lastNumberOfMonth = [];

    public ArxivCalendar()
    {
        var total = (double)ThousandsPerYear.Sum();
        var sum = 0.0;
        _cumulativeYearShare = [.. ThousandsPerYear.Select(t => sum += t / total)];
    }

    public DateOnly Draw(Random random)
    {
        var u = random.NextDouble();
        var index = Array.FindIndex(_cumulativeYearShare, share => u < share);
        var year = First.Year + (index >= 0 ? index : ThousandsPerYear.Length - 1);
        var start = year == First.Year ? First : new DateOnly(year, 1, 1);
        var end = year == Last.Year ? Last : new DateOnly(year, 12, 31);
        // Within a year submissions grow too: density 1 + g·x over the year (x from 0 to 1), drawn by its inverse CDF.
        var x = (Math.Sqrt(1 + 2 * GrowthWithinYear * random.NextDouble() * (1 + GrowthWithinYear / 2)) - 1) / GrowthWithinYear;
        var days = end.DayNumber - start.DayNumber + 1;
        return start.AddDays(Math.Min(days - 1, (int)(x * days)));
    }

    /// <summary>The next unused id of the date's month; a month whose 4-digit numbers are used up moves the paper to the next month.</summary>
    public (string Id, DateOnly Published) NextId(DateOnly published)
    {
        while (true)
        {
            var month = published.Year % 100 * 100 + published.Month;
            var digits = published.Year < 2015 ? 4 : 5;
            var number = _lastNumberOfMonth.GetValueOrDefault(month) + 1;
            if (number < (digits == 4 ? 10_000 : 100_000))
            {
                _lastNumberOfMonth[month] = number;
                return ($"{month:D4}.{number.ToString(digits == 4 ? "D4" : "D5", CultureInfo.InvariantCulture)}", published);
            }
            var next = new DateOnly(published.Year, published.Month, 1).AddMonths(1);
            if (next > Last) throw new InvalidOperationException("every arXiv number up to the last month is used; the corpus is larger than arXiv's id space");
            published = next;
        }
    }
}
