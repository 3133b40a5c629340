using Digest.Core.Topics;

namespace Digest.Core.Tests.Topics;

public class TaxonomyDiffTests
{
    private static Taxonomy Load(string text) => TaxonomyLoader.FromText(text, null).Taxonomy!;

    [Fact]
    public void Diff_lists_added_removed_and_changed_slugs()
    {
        var before = Load("[a]\nlabel = A\nquery = x\n[b]\nlabel = B\nquery = y\n[c]\nlabel = C\nquery = z\n[d]\nlabel = D\nquery = w\n");
        var after = Load("[a]\nlabel = A\nquery = x\n[b]\nlabel = B\nquery = y OR v\n[c]\nlabel = C renamed\nquery = z\n[e]\nlabel = E\nquery = u\n");

        var diff = TaxonomyDiff.Between(before, after);

        Assert.Equal(["e"], diff.Added);
        Assert.Equal(["d"], diff.Removed);
        Assert.Equal(["b"], diff.DefinitionChanged);
        Assert.Equal(["c"], diff.TextChanged);
        Assert.True(diff.RequiresReassignment);
    }

    [Fact]
    public void Label_change_alone_needs_no_reassignment()
    {
        var diff = TaxonomyDiff.Between(Load("[a]\nlabel = A\nquery = x\n"), Load("[a]\nlabel = Alpha\nquery = x\n"));

        Assert.False(diff.RequiresReassignment);
    }

    [Fact]
    public void Parent_change_is_a_definition_change()
    {
        var before = Load("[a]\nlabel = A\nquery = x\n[b]\nlabel = B\nquery = y\n");
        var after = Load("[a]\nlabel = A\nquery = x\n[b]\nlabel = B\nparent = a\nquery = y\n");

        Assert.Equal(["b"], TaxonomyDiff.Between(before, after).DefinitionChanged);
    }
}
