namespace Digest.Core.Topics;

/// <summary>The outcome of loading a taxonomy: the taxonomy when every file was good, else null and the problems.</summary>
public sealed record TaxonomyLoadResult(Taxonomy? Taxonomy, IReadOnlyList<TaxonomyProblem> Problems)
{
    /// <summary>True when a taxonomy was built (no problems).</summary>
    public bool Succeeded => Taxonomy is not null;
}
