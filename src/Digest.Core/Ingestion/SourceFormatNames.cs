namespace Digest.Core.Ingestion;

/// <summary>The stable text names of <see cref="SourceFormat"/> used on the command line, in reports and in a paper's sources.</summary>
public static class SourceFormatNames
{
    private static readonly Dictionary<SourceFormat, string> Names = new()
    {
        [SourceFormat.DigestText] = "digest-text",
        [SourceFormat.HuggingFaceDaily] = "hf-daily",
        [SourceFormat.ArxivAtom] = "arxiv-atom",
        [SourceFormat.ArxivOai] = "arxiv-oai",
        [SourceFormat.ArxivListing] = "arxiv-listing",
        [SourceFormat.JsonLines] = "jsonl",
        [SourceFormat.ArxivSnapshot] = "arxiv-snapshot",
    };

    public static IReadOnlyCollection<string> All => Names.Values;

    public static string Name(this SourceFormat format) => Names[format];

    public static bool TryParse(string? name, out SourceFormat format)
    {
        foreach (var (key, value) in Names)
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                format = key;
                return true;
            }
        }
        format = default;
        return false;
    }
}
