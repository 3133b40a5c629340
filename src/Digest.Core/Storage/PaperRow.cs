using System.Globalization;
using Digest.Core.Papers;

namespace Digest.Core.Storage;

/// <summary>A <c>papers</c> row as Dapper reads and writes it. Dates are ISO-8601 text, timestamps UTC.</summary>
internal sealed class PaperRow
{
    public const string Columns = """
        id AS Id, arxiv_id AS ArxivId, title AS Title, abstract AS Abstract, authors AS Authors,
        published AS Published, revised AS Revised, digest_days AS DigestDays, categories AS Categories,
        keywords AS Keywords, code_urls AS CodeUrls, project_url AS ProjectUrl, doi AS Doi, upvotes AS Upvotes,
        topics AS Topics, sources AS Sources, first_seen AS FirstSeen, updated_at AS UpdatedAt,
        reader_votes AS ReaderVotes, featured_at AS FeaturedAt,
        journal_ref AS JournalRef, comments AS Comments, report_no AS ReportNumber, license AS License, tex_source AS TexSource,
        withdrawn_on AS WithdrawnOn
        """;

    public string Id { get; set; } = "";
    public string? ArxivId { get; set; }
    public string Title { get; set; } = "";
    public string TitleKey { get; set; } = "";
    public string Abstract { get; set; } = "";
    public string Authors { get; set; } = "[]";
    public string? Published { get; set; }
    public string? Revised { get; set; }
    public string DigestDays { get; set; } = "[]";
    public string Categories { get; set; } = "[]";
    public string Keywords { get; set; } = "[]";
    public string CodeUrls { get; set; } = "[]";
    public string? ProjectUrl { get; set; }
    public string? Doi { get; set; }
    public long? Upvotes { get; set; }
    public string? JournalRef { get; set; }
    public string? Comments { get; set; }
    public string? ReportNumber { get; set; }
    public string? License { get; set; }
    public string Topics { get; set; } = "[]";
    public string Sources { get; set; } = "[]";
    public string FirstSeen { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public long ChangeSeq { get; set; }
    public string? TexSource { get; set; }
    public string? WithdrawnOn { get; set; }

    // Read only: the store's own facts, written by reader and curator actions, never by an upsert (see PaperStoreBatch).
    public long ReaderVotes { get; set; }
    public string? FeaturedAt { get; set; }

    public static PaperRow From(Paper paper, long changeSeq) => new()
    {
        Id = paper.Id,
        ArxivId = paper.ArxivId,
        Title = paper.Title,
        TitleKey = PaperId.TitleKey(paper.Title),
        Abstract = paper.Abstract,
        Authors = StoreJson.Write(paper.Authors),
        Published = FormatDate(paper.Published),
        Revised = FormatDate(paper.Revised),
        DigestDays = StoreJson.Write(paper.DigestDays.Select(d => FormatDate(d)!).ToList()),
        Categories = StoreJson.Write(paper.Categories),
        Keywords = StoreJson.Write(paper.Keywords),
        CodeUrls = StoreJson.Write(paper.CodeUrls),
        ProjectUrl = paper.ProjectUrl,
        Doi = paper.Doi,
        Upvotes = paper.Upvotes,
        JournalRef = paper.JournalRef,
        Comments = paper.Comments,
        ReportNumber = paper.ReportNumber,
        License = paper.License,
        Topics = StoreJson.Write(paper.Topics),
        Sources = StoreJson.Write(paper.Sources),
        FirstSeen = FormatTimestamp(paper.FirstSeen),
        UpdatedAt = FormatTimestamp(paper.UpdatedAt),
        ChangeSeq = changeSeq,
        TexSource = StoreJson.WriteTex(paper.TexSource),
        WithdrawnOn = FormatDate(paper.WithdrawnOn),
    };

    public Paper ToPaper() => new()
    {
        Id = Id,
        ArxivId = ArxivId,
        Title = Title,
        Abstract = Abstract,
        Authors = StoreJson.Read(Authors),
        Published = ParseDate(Published),
        Revised = ParseDate(Revised),
        DigestDays = StoreJson.Read(DigestDays).Select(d => ParseDate(d)!.Value).ToList(),
        Categories = StoreJson.Read(Categories),
        Keywords = StoreJson.Read(Keywords),
        CodeUrls = StoreJson.Read(CodeUrls),
        ProjectUrl = ProjectUrl,
        Doi = Doi,
        Upvotes = Upvotes is null ? null : (int)Upvotes.Value,
        JournalRef = JournalRef,
        Comments = Comments,
        ReportNumber = ReportNumber,
        License = License,
        Topics = StoreJson.Read(Topics),
        Sources = StoreJson.Read(Sources),
        FirstSeen = DateTimeOffset.Parse(FirstSeen, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        UpdatedAt = DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        WithdrawnOn = ParseDate(WithdrawnOn),
        ReaderVotes = (int)ReaderVotes,
        FeaturedAt = FeaturedAt is null ? null : DateTimeOffset.Parse(FeaturedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        TexSource = StoreJson.ReadTex(TexSource),
    };

    public static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
