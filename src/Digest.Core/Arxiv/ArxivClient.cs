using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using Digest.Core.Sources;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Arxiv;

/// <summary>
/// The arXiv API (<c>/api/query</c> at <c>Digest:Arxiv:BaseUrl</c>) for single papers: by id, and by exact title.
/// Requests go through the fetch rules every source uses (User-Agent, per-host spacing shared with the arXiv sources,
/// retries, size cap); a response is checked whole (<see cref="ResponseValidator"/>) and read by the arxiv-atom parser.
/// </summary>
public sealed class ArxivClient(RemoteFetcher fetcher, ArxivOptions options, IngestLimits limits, ILogger<ArxivClient> logger)
{
    /// <summary>Entries asked for in a title search: an exact title rarely matches more than a handful of papers.</summary>
    public const int TitleSearchResults = 10;

    private readonly ArxivAtomParser _parser = new();

    /// <summary>The paper with this (version-less) arXiv id: one entry, or none when arXiv does not know the id.</summary>
    public async Task<ArxivAnswer> GetByIdAsync(string arxivId, CancellationToken cancellationToken)
    {
        // The id went through PaperId's pattern (digits, dots, letters, '-', one '/'), and is encoded all the same.
        var url = new Uri($"{options.EffectiveBaseUrl}/api/query?id_list={Uri.EscapeDataString(arxivId)}&start=0&max_results=1");
        var answer = await QueryAsync(url, cancellationToken);
        return answer with { Entries = [.. answer.Entries.Where(p => p.ArxivId == arxivId)] };
    }

    /// <summary>Papers whose title contains the words of <paramref name="title"/> as phrases; the caller checks for the exact title.</summary>
    public async Task<ArxivAnswer> SearchByTitleAsync(string title, CancellationToken cancellationToken)
    {
        if (ArxivTitleQuery.For(title) is not { } query) return new ArxivAnswer([], null);
        var url = new Uri($"{options.EffectiveBaseUrl}/api/query?search_query={Uri.EscapeDataString(query)}&start=0&max_results={TitleSearchResults}");
        return await QueryAsync(url, cancellationToken);
    }

    private async Task<ArxivAnswer> QueryAsync(Uri url, CancellationToken cancellationToken)
    {
        string? path = null;
        try
        {
            path = await fetcher.DownloadAsync(url, cancellationToken);
            if (await ResponseValidator.ValidateAsync(RemoteSourceKind.ArxivQuery, path, cancellationToken) is { } problem)
            {
                return Fail(url, problem);
            }
            using var reader = new StreamReader(path);
            var context = new ParseContext { SourceName = "arxiv", Limits = limits };
            var entries = new List<Paper>();
            foreach (var item in _parser.Parse(reader, context))
            {
                // An error entry (an id arXiv rejects) or a malformed one is no paper: the caller sees no entry.
                if (item.Paper is { } paper) entries.Add(paper);
                else logger.LogInformation("arXiv answer to {Query}: {Problem}", url.Query, item.Problem);
            }
            return new ArxivAnswer(entries, null);
        }
        catch (FetchException e)
        {
            return Fail(url, e.Message);
        }
        finally
        {
            if (path is not null) File.Delete(path);
        }
    }

    private ArxivAnswer Fail(Uri url, string problem)
    {
        logger.LogWarning("arXiv request {Query} failed: {Problem}", url.Query, problem);
        return ArxivAnswer.Failed(problem);
    }
}
