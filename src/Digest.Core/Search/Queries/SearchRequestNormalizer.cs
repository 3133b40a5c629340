namespace Digest.Core.Search.Queries;

/// <summary>Brings user input within limits and into the index's spelling, collecting a message for each change the user should know about.</summary>
internal static class SearchRequestNormalizer
{
    public static SearchRequest Normalize(SearchRequest request, IReadOnlyDictionary<string, string> categories, SearchLimits limits, List<string> messages)
    {
        var query = request.Query?.Trim() ?? "";
        var maxLength = limits.MaxQueryLength;
        if (query.Length > maxLength)
        {
            var cut = query.LastIndexOf(' ', maxLength);
            query = query[..(cut > maxLength / 2 ? cut : maxLength)].TrimEnd();
            messages.Add($"Your query was longer than {maxLength} characters; only the beginning was searched.");
        }
        if (WordEnd(query, limits.MaxQueryWords) is { } end)
        {
            query = query[..end];
            messages.Add($"Your query had more than {limits.MaxQueryWords} words; only the first {limits.MaxQueryWords} were searched.");
        }

        var page = Math.Max(1, request.Page);
        if (page > SearchRequest.MaxPage)
        {
            page = SearchRequest.MaxPage;
            messages.Add($"Only the first {SearchRequest.MaxPage} pages can be shown; this is page {SearchRequest.MaxPage}. Narrow the search to see more.");
        }
        foreach (var category in Clean(request.Categories, c => c).Where(c => !categories.ContainsKey(c)))
        {
            // Categories are whatever the papers carry: one no paper has is unknown here, so the empty result is explained.
            messages.Add($"There is no such category: “{category}”.");
        }
        var pageSize = request.PageSize < 1 ? SearchRequest.DefaultPageSize : Math.Min(request.PageSize, SearchRequest.MaxPageSize);

        return request with
        {
            Query = query,
            Topics = Clean(request.Topics, t => t.ToLowerInvariant()),
            ExcludedTopics = Clean(request.ExcludedTopics, t => t.ToLowerInvariant()),
            WithinTopic = string.IsNullOrWhiteSpace(request.WithinTopic) ? null : request.WithinTopic.Trim().ToLowerInvariant(),
            Categories = Clean(request.Categories, c => categories.TryGetValue(c, out var label) ? label : c),
            Years = [.. request.Years.Distinct().Order()],
            Authors = Clean(request.Authors, a => a),
            From = request.From is { } from && request.To is { } to && from > to ? to : request.From,
            To = request.From is { } from2 && request.To is { } to2 && from2 > to2 ? from2 : request.To,
            Sort = request.Sort ?? (query.Length == 0 ? SearchSort.Newest : SearchSort.Relevance),
            Page = page,
            PageSize = pageSize,
        };
    }

    /// <summary>Where the <paramref name="words"/>-th whitespace-separated word of <paramref name="text"/> ends, or null when it has no more words.</summary>
    private static int? WordEnd(string text, int words)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || (i > 0 && !char.IsWhiteSpace(text[i - 1]))) continue;
            if (++seen > words) return text.AsSpan(0, i).TrimEnd().Length;
        }
        return null;
    }

    private static string[] Clean(IReadOnlyList<string>? values, Func<string, string> normalize) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => normalize(v.Trim())).Distinct(StringComparer.Ordinal)];
}
