using Microsoft.Extensions.Logging;

namespace Digest.Core.Topics;

/// <summary>
/// Owns the taxonomy the app runs with: the embedded default plus the data directory's <c>taxonomy.txt</c>.
/// A bad file never replaces a good taxonomy: at start-up the app falls back to the default alone,
/// and <see cref="Reload"/> keeps the last good taxonomy. Register as a singleton; reads are thread-safe.
/// </summary>
public sealed class TaxonomyProvider
{
    private readonly string _dataDirectory;
    private readonly ILogger<TaxonomyProvider> _logger;
    private readonly Lock _reloadLock = new();
    private volatile Taxonomy _current;

    /// <summary>Loads the taxonomy. Problems in the curator's file are logged and kept in <see cref="Problems"/>.</summary>
    /// <exception cref="InvalidOperationException">The embedded default itself is invalid (a build defect).</exception>
    public TaxonomyProvider(string dataDirectory, ILogger<TaxonomyProvider> logger)
    {
        _dataDirectory = dataDirectory;
        _logger = logger;

        var loaded = TaxonomyLoader.Load(dataDirectory);
        Problems = loaded.Problems;
        if (loaded.Taxonomy is not null)
        {
            _current = loaded.Taxonomy;
            return;
        }

        LogProblems(loaded.Problems);
        var fallback = TaxonomyLoader.LoadDefault();
        _current = fallback.Taxonomy ?? throw new InvalidOperationException(
            "The embedded default taxonomy is invalid: " + string.Join("; ", fallback.Problems));
        _logger.LogWarning("Using the default taxonomy because {File} has problems", TaxonomyLoader.FileName);
    }

    /// <summary>The last good taxonomy.</summary>
    public Taxonomy Current => _current;

    /// <summary>Fingerprint of <see cref="Current"/>: compare with the stored one at start-up to decide on re-assignment.</summary>
    public string Fingerprint => _current.Fingerprint;

    /// <summary>Problems of the latest load or reload; empty when it succeeded.</summary>
    public IReadOnlyList<TaxonomyProblem> Problems { get; private set; }

    /// <summary>
    /// Reads the files again. On success <see cref="Current"/> becomes the new taxonomy; on failure it stays as it was.
    /// Returns the problems (empty on success).
    /// </summary>
    public IReadOnlyList<TaxonomyProblem> Reload()
    {
        lock (_reloadLock)
        {
            var loaded = TaxonomyLoader.Load(_dataDirectory);
            Problems = loaded.Problems;
            if (loaded.Taxonomy is null)
            {
                LogProblems(loaded.Problems);
                _logger.LogWarning("Keeping the last good taxonomy ({Count} topics)", _current.Topics.Count);
                return loaded.Problems;
            }

            _current = loaded.Taxonomy;
            _logger.LogInformation("Taxonomy loaded: {Count} topics, fingerprint {Fingerprint}", _current.Topics.Count, _current.Fingerprint);
            return [];
        }
    }

    private void LogProblems(IReadOnlyList<TaxonomyProblem> problems)
    {
        foreach (var problem in problems)
            _logger.LogError("Taxonomy problem {Source}:{Line}: {Reason}", problem.Source, problem.Line, problem.Reason);
    }
}
