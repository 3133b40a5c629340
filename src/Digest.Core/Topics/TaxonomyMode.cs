namespace Digest.Core.Topics;

/// <summary>How a taxonomy file in the data directory combines with the default taxonomy.</summary>
public enum TaxonomyMode
{
    /// <summary>Keep the default topics; a block with a default slug overrides that topic, new slugs are appended.</summary>
    Extend,

    /// <summary>Use only the topics of the file.</summary>
    Replace,
}
