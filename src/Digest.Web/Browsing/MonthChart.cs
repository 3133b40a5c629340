using System.Globalization;
using Digest.Core.Search;
using Digest.Core.Text;

namespace Digest.Web.Browsing;

/// <summary>
/// A bar chart of papers per month, laid out on the server and drawn as inline SVG by <c>_MonthChart</c>:
/// no script, works in every browser, and its <c>&lt;title&gt;</c> tells screen readers what it shows.
/// </summary>
public sealed class MonthChart
{
    public const int Width = 240;
    public const int Height = 48;

    private MonthChart(string id, string title, IReadOnlyList<MonthBar> bars)
    {
        Id = id;
        Title = title;
        Bars = bars;
    }

    /// <summary>Unique within the page; used for <c>aria-labelledby</c>.</summary>
    public string Id { get; }

    public string Title { get; }

    public IReadOnlyList<MonthBar> Bars { get; }

    /// <summary>Bars for each month of <paramref name="months"/>, zero where <paramref name="counts"/> has none.</summary>
    public static MonthChart Create(string id, string label, IReadOnlyList<string> months, IReadOnlyList<MonthCount> counts)
    {
        var byMonth = counts.ToDictionary(c => c.Month, c => c.Count, StringComparer.Ordinal);
        var max = Math.Max(1, months.Select(m => byMonth.GetValueOrDefault(m)).DefaultIfEmpty(0).Max());
        var slot = months.Count == 0 ? Width : (double)Width / months.Count;
        var bars = months.Select((month, i) =>
        {
            var count = byMonth.GetValueOrDefault(month);
            var height = count == 0 ? 0 : Math.Max(1.5, (Height - 2) * (double)count / max);
            return new MonthBar(month, count, Round(i * slot + slot * 0.1), Round(Height - height), Round(slot * 0.8), Round(height));
        }).ToList();
        var total = counts.Sum(c => c.Count);
        var range = months.Count == 0 ? "" : $" from {months[0]} to {months[^1]}";
        return new MonthChart(id, $"{label}: {CountPhrase.Of(total, "paper")}, per month{range}", bars);
    }

    /// <summary>The months from the earliest to the latest of <paramref name="counts"/>, at most the last <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> Months(IReadOnlyList<MonthCount> counts, int limit = 24)
    {
        var parsed = counts
            .Select(c => DateOnly.TryParseExact(c.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>()
            .ToList();
        if (parsed.Count == 0) return [];
        var last = parsed.Max();
        var first = parsed.Min();
        if (first < last.AddMonths(1 - limit)) first = last.AddMonths(1 - limit);
        var months = new List<string>();
        for (var month = first; month <= last; month = month.AddMonths(1)) months.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        return months;
    }

    private static string Round(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
