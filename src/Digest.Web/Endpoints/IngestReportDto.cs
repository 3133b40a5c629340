using Digest.Core.Ingestion;

namespace Digest.Web.Endpoints;

/// <summary>The JSON shape of an ingest report (stable; camelCase).</summary>
public sealed record IngestReportDto(
    int ExitCode,
    int FilesRead,
    int Seen,
    int Added,
    int Updated,
    int Unchanged,
    int Rejected,
    bool Cancelled,
    string? StorageFailure,
    int NotStored,
    IReadOnlyList<IngestFileDto> Files,
    IReadOnlyList<IngestRejection> Rejections)
{
    public static IngestReportDto From(IngestReport report) => new(
        report.ExitCode, report.FilesRead, report.Seen, report.Added, report.Updated, report.Unchanged, report.Rejected, report.Cancelled,
        report.StorageFailure, report.NotStored,
        report.Files.Select(f => new IngestFileDto(f.File, f.Format, f.Error, f.Seen, f.Added, f.Updated, f.Unchanged, f.Rejected, f.Notes)).ToList(),
        report.Rejections);
}

/// <summary>One file of an ingest report.</summary>
public sealed record IngestFileDto(string File, string? Format, string? Error, int Seen, int Added, int Updated, int Unchanged, int Rejected, IReadOnlyList<string> Notes);
