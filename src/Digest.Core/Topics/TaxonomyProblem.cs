namespace Digest.Core.Topics;

/// <summary>Why a taxonomy file was rejected: the file, the 1-based line and a reason a curator can act on.</summary>
/// <param name="Source">The file name, for example <c>taxonomy.txt</c> or <c>default taxonomy</c>.</param>
/// <param name="Line">1-based line number the problem points at.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record TaxonomyProblem(string Source, int Line, string Reason)
{
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}
