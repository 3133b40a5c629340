namespace Digest.Core.Topics;

/// <summary>One parsed taxonomy file: its mode directive (if any), its blocks, and what was wrong with it.</summary>
internal sealed record TaxonomyFile(TaxonomyMode? Mode, IReadOnlyList<TopicBlock> Blocks, IReadOnlyList<TaxonomyProblem> Problems);
