using System.Reflection;

namespace Digest.Core.Topics;

/// <summary>
/// Builds a <see cref="Taxonomy"/> from the default taxonomy embedded in Digest.Core and an optional
/// <c>taxonomy.txt</c> in the data directory, which extends or replaces it (its <c>mode</c> line; extend by default).
/// Any problem in either file rejects the whole result: half a taxonomy would silently move papers between topics.
/// </summary>
public static class TaxonomyLoader
{
    /// <summary>Name of the curator's taxonomy file in the data directory.</summary>
    public const string FileName = "taxonomy.txt";

    /// <summary>How problems in the embedded default are attributed.</summary>
    public const string DefaultSourceName = "default taxonomy";

    private const string ResourceName = "Digest.Core.Resources.taxonomy.txt";

    /// <summary>The text of the embedded default taxonomy.</summary>
    public static string ReadDefaultText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from Digest.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The embedded default taxonomy alone.</summary>
    public static TaxonomyLoadResult LoadDefault() => FromText(ReadDefaultText(), null);

    /// <summary>The default taxonomy combined with <c>taxonomy.txt</c> from the data directory when that file exists.</summary>
    public static TaxonomyLoadResult Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        string? curated;
        try
        {
            curated = File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException e)
        {
            return new TaxonomyLoadResult(null, [new TaxonomyProblem(FileName, 0, "cannot read the file: " + e.Message)]);
        }
        catch (UnauthorizedAccessException e)
        {
            return new TaxonomyLoadResult(null, [new TaxonomyProblem(FileName, 0, "cannot read the file: " + e.Message)]);
        }
        return FromText(ReadDefaultText(), curated);
    }

    /// <summary>Combines a default taxonomy text with an optional curator's text (named <see cref="FileName"/> in problems).</summary>
    public static TaxonomyLoadResult FromText(string defaultText, string? curatedText)
    {
        var defaults = TaxonomyParser.Parse(defaultText, DefaultSourceName);
        var curated = curatedText is null ? null : TaxonomyParser.Parse(curatedText, FileName);
        var problems = defaults.Problems.Concat(curated?.Problems ?? []).ToList();
        if (problems.Count > 0) return new TaxonomyLoadResult(null, problems);

        var blocks = curated is null ? defaults.Blocks.ToList() : Merge(defaults, curated);
        problems.AddRange(CheckHierarchy(blocks));
        if (problems.Count > 0) return new TaxonomyLoadResult(null, problems);

        return new TaxonomyLoadResult(new Taxonomy(blocks.Select(b => b.ToTopic()).ToList()), []);
    }

    private static List<TopicBlock> Merge(TaxonomyFile defaults, TaxonomyFile curated)
    {
        if ((curated.Mode ?? TaxonomyMode.Extend) == TaxonomyMode.Replace) return curated.Blocks.ToList();

        // Extend: an override keeps the default's position so the display order stays familiar.
        var merged = defaults.Blocks.ToList();
        foreach (var block in curated.Blocks)
        {
            var index = merged.FindIndex(b => b.Slug == block.Slug);
            if (index >= 0) merged[index] = block;
            else merged.Add(block);
        }
        return merged;
    }

    private static IEnumerable<TaxonomyProblem> CheckHierarchy(List<TopicBlock> blocks)
    {
        var bySlug = blocks.ToDictionary(b => b.Slug, StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            var parent = block.Get(TaxonomyParser.ParentKey);
            if (string.IsNullOrEmpty(parent)) continue;
            if (!bySlug.ContainsKey(parent))
            {
                yield return new TaxonomyProblem(block.Source, block.LineOf(TaxonomyParser.ParentKey), $"[{block.Slug}] has unknown parent '{parent}'");
                continue;
            }

            // Walk up; meeting this block again means a cycle. Each block in a cycle reports it at its own parent line.
            var seen = new HashSet<string>(StringComparer.Ordinal) { block.Slug };
            var step = parent;
            while (!string.IsNullOrEmpty(step) && bySlug.TryGetValue(step, out var ancestor))
            {
                if (!seen.Add(step))
                {
                    if (step == block.Slug)
                        yield return new TaxonomyProblem(block.Source, block.LineOf(TaxonomyParser.ParentKey),
                            $"[{block.Slug}] is its own ancestor: parent cycle {string.Join(" → ", seen)} → {step}");
                    break;
                }
                step = ancestor.Get(TaxonomyParser.ParentKey);
            }
        }
    }
}
