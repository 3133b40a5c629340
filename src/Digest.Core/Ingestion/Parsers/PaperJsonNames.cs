namespace Digest.Core.Ingestion.Parsers;

/// <summary>The snake_case keys of Digest's JSON Lines format, shared by the writer and the parser so they cannot drift.</summary>
internal static class PaperJsonNames
{
    public const string Id = "id";
    public const string ArxivId = "arxiv_id";
    public const string Title = "title";
    public const string Abstract = "abstract";
    public const string Authors = "authors";
    // The TeX originals: an object with "title", "abstract" and "authors", each only where decoding changed it.
    public const string Tex = "tex";
    public const string Published = "published";
    public const string Revised = "revised";
    public const string DigestDays = "digest_days";
    public const string Categories = "categories";
    public const string Keywords = "keywords";
    public const string CodeUrls = "code_urls";
    public const string ProjectUrl = "project_url";
    public const string Doi = "doi";
    public const string JournalRef = "journal_ref";
    public const string Comments = "comments";
    public const string ReportNumber = "report_no";
    public const string License = "license";
    public const string Upvotes = "upvotes";
    public const string Topics = "topics";
    public const string Sources = "sources";
    public const string FirstSeen = "first_seen";
    public const string UpdatedAt = "updated_at";
    public const string WithdrawnOn = "withdrawn_on";
}
