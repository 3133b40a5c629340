using System.Globalization;
using Digest.Core.Search;
using Digest.Core.Text;
using Microsoft.Extensions.Primitives;

namespace Digest.Web.Browsing;

/// <summary>
/// Reads a <see cref="SearchRequest"/> from a query string. Never throws: a value that cannot be understood is left
/// out and named in <see cref="SearchInput.Problems"/>, so pages can explain it and the API can answer 400.
/// Limits on the query length and page depth are the search service's; it reports those itself.
/// </summary>
public static class SearchQueryReader
{
    public static SearchInput Read(IQueryCollection query, int pageSize = SearchRequest.DefaultPageSize)
    {
        var problems = new List<string>();
        var request = new SearchRequest
        {
            Query = First(query, SearchParameters.Query),
            Topics = Texts(query, SearchParameters.Topic, problems, lowercase: true),
            ExcludedTopics = Texts(query, SearchParameters.ExcludedTopic, problems, lowercase: true),
            Categories = Texts(query, SearchParameters.Category, problems, lowercase: false),
            Years = Years(query, problems),
            From = Date(query, SearchParameters.From, problems),
            To = Date(query, SearchParameters.To, problems),
            HasCode = Code(query, problems),
            Authors = Texts(query, SearchParameters.Author, problems, lowercase: false),
            Sort = Sort(query, problems),
            Page = Page(query, problems),
            PageSize = pageSize,
        };
        return new SearchInput(request, problems);
    }

    /// <summary>The URL value of a sort, or null for an unknown one.</summary>
    public static SearchSort? ParseSort(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        "oldest" => SearchSort.Oldest,
        _ => null,
    };

    private static string? First(IQueryCollection query, string name)
    {
        // A repeated q is a crafted URL; the first one is what a form would have sent.
        foreach (var value in query[name])
        {
            if (!string.IsNullOrWhiteSpace(value)) return value.Replace('\0', ' ');
        }
        return null;
    }

    private static IEnumerable<string> Values(IQueryCollection query, string name, List<string> problems)
    {
        StringValues values = query[name];
        var kept = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (kept.Count > SearchParameters.MaxValuesPerParameter)
        {
            problems.Add($"Only the first {SearchParameters.MaxValuesPerParameter} values of “{name}” were used.");
            kept = kept.Take(SearchParameters.MaxValuesPerParameter).ToList();
        }
        return kept;
    }

    private static string[] Texts(IQueryCollection query, string name, List<string> problems, bool lowercase)
    {
        var result = new List<string>();
        foreach (var value in Values(query, name, problems))
        {
            if (value.Length > SearchParameters.MaxValueLength || value.Any(char.IsControl))
            {
                problems.Add($"A value of “{name}” was too long or contained control characters and was ignored.");
                continue;
            }
            result.Add(lowercase ? value.ToLowerInvariant() : value);
        }
        return [.. result.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static int[] Years(IQueryCollection query, List<string> problems)
    {
        var years = new List<int>();
        foreach (var value in Values(query, SearchParameters.Year, problems))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999) years.Add(year);
            else problems.Add($"“{TextShortening.Shorten(value, 40)}” is not a year; it was ignored.");
        }
        return [.. years.Distinct().Order()];
    }

    private static DateOnly? Date(IQueryCollection query, string name, List<string> problems)
    {
        var value = First(query, name);
        if (value is null) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add($"“{TextShortening.Shorten(value, 40)}” is not a date like 2024-03-31; the “{name}” filter was ignored.");
        return null;
    }

    private static bool? Code(IQueryCollection query, List<string> problems)
    {
        var value = First(query, SearchParameters.Code);
        switch (value?.Trim().ToLowerInvariant())
        {
            case null: return null;
            case "1" or "yes" or "true": return true;
            case "0" or "no" or "false": return false;
            default:
                problems.Add($"“{TextShortening.Shorten(value, 40)}” is not a valid value for “code” (use 1 or 0); it was ignored.");
                return null;
        }
    }

    private static SearchSort? Sort(IQueryCollection query, List<string> problems)
    {
        var value = First(query, SearchParameters.Sort);
        if (value is null) return null;
        var sort = ParseSort(value);
        if (sort is null) problems.Add($"“{TextShortening.Shorten(value, 40)}” is not a sort order (relevance, newest, oldest); the default was used.");
        return sort;
    }

    private static int Page(IQueryCollection query, List<string> problems)
    {
        var value = First(query, SearchParameters.Page);
        if (value is null) return 1;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1) return page;
        if (value.Trim().All(char.IsAsciiDigit) && value.Trim().Length > 0) return int.MaxValue; // too high for int: the service caps it and says so
        problems.Add($"“{TextShortening.Shorten(value, 40)}” is not a page number; showing page 1.");
        return 1;
    }
}
