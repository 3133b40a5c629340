using System.Text.RegularExpressions;

namespace Digest.Core.Topics;

/// <summary>
/// Reads the taxonomy line format (documented at the top of <c>Resources/taxonomy.txt</c>):
/// <c>#</c> comments, <c>[slug]</c> blocks of <c>key = value</c> lines, indented lines continuing the previous
/// value, and an optional <c>mode = extend|replace</c> before the first block. Checks everything that can be
/// checked within one file; the hierarchy is checked by <see cref="TaxonomyLoader"/> after merging.
/// </summary>
internal static partial class TaxonomyParser
{
    public const string LabelKey = "label";
    public const string ParentKey = "parent";
    public const string DescriptionKey = "description";
    public const string QueryKey = "query";
    public const string ModeKey = "mode";

    private static readonly string[] TopicKeys = [LabelKey, ParentKey, DescriptionKey, QueryKey];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    public static TaxonomyFile Parse(string text, string source)
    {
        var problems = new List<TaxonomyProblem>();
        var blocks = new List<TopicBlock>();
        var seenSlugs = new Dictionary<string, int>(StringComparer.Ordinal);
        TaxonomyMode? mode = null;
        TopicBlock? current = null;
        string? lastKey = null;
        var inRejectedBlock = false;

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var raw = lines[index].TrimEnd('\r');
            var trimmed = raw.Trim();
            void Problem(string reason) => problems.Add(new TaxonomyProblem(source, lineNumber, reason));

            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;

            if (char.IsWhiteSpace(raw[0]))
            {
                // Indented: continues the previous value, so long queries can be wrapped.
                if (current is null || lastKey is null) Problem("an indented line continues nothing; indent only to continue a value");
                else
                {
                    var (previous, keyLine) = current.Values[lastKey];
                    current.Values[lastKey] = ((previous + " " + trimmed).Trim(), keyLine);
                }
                continue;
            }

            if (trimmed.StartsWith('['))
            {
                lastKey = null;
                current = null;
                inRejectedBlock = true;
                if (!trimmed.EndsWith(']')) { Problem("a block header must look like [slug]"); continue; }
                var slug = trimmed[1..^1].Trim();
                if (!IsValidSlug(slug)) { Problem($"invalid slug '{slug}': use lowercase a-z, 0-9 and single hyphens"); continue; }
                if (seenSlugs.TryGetValue(slug, out var firstLine)) { Problem($"duplicate slug '{slug}' (first defined on line {firstLine})"); continue; }
                seenSlugs[slug] = lineNumber;
                inRejectedBlock = false;
                current = new TopicBlock(source, slug, lineNumber);
                blocks.Add(current);
                continue;
            }

            var equals = trimmed.IndexOf('=');
            if (equals <= 0) { Problem("expected 'key = value', '[slug]' or a '#' comment"); lastKey = null; continue; }
            var key = trimmed[..equals].Trim().ToLowerInvariant();
            var value = trimmed[(equals + 1)..].Trim();

            if (key == ModeKey)
            {
                lastKey = null;
                if (blocks.Count > 0) Problem("'mode' must come before the first [slug] block");
                else if (mode is not null) Problem("'mode' is given twice");
                else if (Enum.TryParse<TaxonomyMode>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _)) mode = parsed;
                else Problem($"unknown mode '{value}': use 'extend' or 'replace'");
                continue;
            }

            if (!TopicKeys.Contains(key)) { Problem($"unknown key '{key}': use label, parent, description or query"); lastKey = null; continue; }
            if (current is null)
            {
                // Keys under a rejected header belong to nothing; the header already has its problem.
                if (!inRejectedBlock) Problem($"'{key}' comes before any [slug] block");
                lastKey = null;
                continue;
            }
            if (current.Values.ContainsKey(key)) { Problem($"'{key}' is given twice for [{current.Slug}]"); lastKey = null; continue; }
            current.Values[key] = (value, lineNumber);
            lastKey = key;
        }

        foreach (var block in blocks) CheckBlock(block, problems);
        return new TaxonomyFile(mode, blocks, problems.OrderBy(p => p.Line).ToList());
    }

    private static void CheckBlock(TopicBlock block, List<TaxonomyProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(block.Get(LabelKey)))
            problems.Add(new TaxonomyProblem(block.Source, block.HeaderLine, $"[{block.Slug}] has no label"));

        var query = block.Get(QueryKey);
        if (string.IsNullOrWhiteSpace(query))
        {
            problems.Add(new TaxonomyProblem(block.Source, block.HeaderLine, $"[{block.Slug}] has no query"));
            return;
        }
        var (_, error) = TopicQueryParser.Parse(query);
        if (error is not null)
            problems.Add(new TaxonomyProblem(block.Source, block.LineOf(QueryKey), $"[{block.Slug}] {error}"));

        var parent = block.Get(ParentKey);
        if (!string.IsNullOrEmpty(parent) && !IsValidSlug(parent))
            problems.Add(new TaxonomyProblem(block.Source, block.LineOf(ParentKey), $"invalid parent slug '{parent}'"));
    }
}
