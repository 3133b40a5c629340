namespace Digest.Core.Ingestion;

/// <summary>The source formats the ingest service reads. The names are what <c>--format</c> accepts.</summary>
public enum SourceFormat
{
    /// <summary>A digest page saved as text: header lines, a date line, then title and abstract paragraphs.</summary>
    DigestText,

    /// <summary>Hugging Face daily papers JSON: an array of items with a nested <c>paper</c> object.</summary>
    HuggingFaceDaily,

    /// <summary>An arXiv API Atom feed.</summary>
    ArxivAtom,

    /// <summary>arXiv OAI-PMH records in the <c>arXivRaw</c>, <c>arXiv</c> or <c>oai_dc</c> metadata format.</summary>
    ArxivOai,

    /// <summary>An arXiv daily announcement feed of one category (RSS 2.0 or Atom, with <c>arxiv:announce_type</c>).</summary>
    ArxivListing,

    /// <summary>JSON Lines in the shape of papers-dev.jsonl; also Digest's export format.</summary>
    JsonLines,

    /// <summary>The arXiv metadata snapshot Kaggle distributes: JSON Lines with <c>authors</c> as one string, <c>versions</c> and <c>authors_parsed</c>.</summary>
    ArxivSnapshot,
}
