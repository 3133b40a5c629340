namespace Digest.Core.Ingestion.Parsers;

/// <summary>What <see cref="CappedLineReader.Read"/> found.</summary>
internal enum LineStatus
{
    /// <summary>A line, in full.</summary>
    Line,

    /// <summary>A line longer than the cap: skipped to its end, its text not kept.</summary>
    TooLong,

    /// <summary>A NUL character: the rest is not text, and reading stopped.</summary>
    NotText,

    /// <summary>The end of the text (or of the character budget).</summary>
    End,
}
