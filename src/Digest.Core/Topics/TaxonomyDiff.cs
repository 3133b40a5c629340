namespace Digest.Core.Topics;

/// <summary>
/// What changed between two taxonomies, for the re-assigner's report (for example "slugs that disappear").
/// A topic's definition changed when its query or parent changed; a label or description change is listed
/// separately because it needs no re-assignment.
/// </summary>
/// <param name="Added">Slugs only in the new taxonomy, in its order.</param>
/// <param name="Removed">Slugs only in the old taxonomy, in its order: papers lose them on re-assignment.</param>
/// <param name="DefinitionChanged">Slugs in both whose query or parent differ.</param>
/// <param name="TextChanged">Slugs in both whose label or description differ but whose definition is the same.</param>
public sealed record TaxonomyDiff(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> DefinitionChanged,
    IReadOnlyList<string> TextChanged)
{
    /// <summary>True when stored topic assignments may be out of date.</summary>
    public bool RequiresReassignment => Added.Count > 0 || Removed.Count > 0 || DefinitionChanged.Count > 0;

    /// <summary>Compares two taxonomies.</summary>
    public static TaxonomyDiff Between(Taxonomy before, Taxonomy after)
    {
        var added = after.Topics.Where(t => before.Find(t.Slug) is null).Select(t => t.Slug).ToList();
        var removed = before.Topics.Where(t => after.Find(t.Slug) is null).Select(t => t.Slug).ToList();
        var definitionChanged = new List<string>();
        var textChanged = new List<string>();
        foreach (var topic in after.Topics)
        {
            if (before.Find(topic.Slug) is not { } old) continue;
            if (old.Query != topic.Query || old.Parent != topic.Parent) definitionChanged.Add(topic.Slug);
            else if (old.Label != topic.Label || old.Description != topic.Description) textChanged.Add(topic.Slug);
        }
        return new TaxonomyDiff(added, removed, definitionChanged, textChanged);
    }
}
