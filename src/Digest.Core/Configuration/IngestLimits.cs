namespace Digest.Core.Configuration;

/// <summary>Size limits applied to every source; a record over a limit is rejected with the limit in the reason.</summary>
public sealed class IngestLimits
{
    /// <summary>Largest file (or upload) accepted, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most parts (files) in one multipart upload; each costs a spool file and a parse, so their number is capped.</summary>
    public int MaxUploadParts { get; set; } = 1_000;

    /// <summary>Longest title, in characters.</summary>
    public int MaxTitleLength { get; set; } = 1_000;

    /// <summary>Longest abstract, in characters.</summary>
    public int MaxAbstractLength { get; set; } = 20_000;

    /// <summary>Most authors on one paper.</summary>
    public int MaxAuthors { get; set; } = 1_000;

    /// <summary>Longest single author name, category, keyword or URL, in characters.</summary>
    public int MaxFieldLength { get; set; } = 500;

    /// <summary>Longest author comment (arXiv's <c>comments</c>), in characters; longer comments are shortened, not rejected.</summary>
    public int MaxCommentsLength { get; set; } = 2_000;

    /// <summary>Most categories or keywords on one paper.</summary>
    public int MaxListItems { get; set; } = 100;
}
