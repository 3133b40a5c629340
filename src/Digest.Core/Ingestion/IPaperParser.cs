namespace Digest.Core.Ingestion;

/// <summary>Reads one source format. Implementations never throw for bad content: they yield rejections.</summary>
public interface IPaperParser
{
    SourceFormat Format { get; }

    /// <summary>True when the start of a file (first few KB, BOM removed) looks like this format.</summary>
    bool Recognizes(string head);

    /// <summary>
    /// True when the parser holds at most one bounded record at a time, whatever the file's size, so that a file may pass
    /// <see cref="Configuration.IngestLimits.MaxFileBytes"/> where the ingest allows it (<see cref="IngestRequest.AllowLargeFiles"/>).
    /// </summary>
    bool ReadsFilesOfAnySize => false;

    /// <summary>
    /// Reads every record, yielding accepted papers and line- or record-numbered rejections.
    /// A file that is not this format at all yields a single rejection at position 0.
    /// </summary>
    IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context);
}
