namespace Digest.Web.Tests.Drills;

/// <summary>
/// The drills run one at a time and beside no other test: each starts real processes that ingest thousands of papers,
/// and on two cores a neighbour would change where a kill lands and what latency a search sees.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DrillCollection
{
    public const string Name = "Fault drills";
}
