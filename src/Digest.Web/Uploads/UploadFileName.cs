namespace Digest.Web.Uploads;

/// <summary>
/// The name a multipart part gives itself, made fit for the report and the log: the last path segment only (either
/// slash), no control characters (CR/LF would forge log lines), at most 80 characters. It never becomes a path.
/// </summary>
internal static class UploadFileName
{
    private const int MaxLength = 80;

    public static string From(string? given)
    {
        var name = given ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = string.Concat(name.Where(c => !char.IsControl(c))).Trim();
        if (name is "" or "." or "..") return "upload";
        return name.Length <= MaxLength ? name : name[..MaxLength] + "…";
    }
}
