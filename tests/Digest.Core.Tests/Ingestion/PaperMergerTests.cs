using Digest.Core.Ingestion;
using Digest.Core.Papers;

namespace Digest.Core.Tests.Ingestion;

public class PaperMergerTests
{
    private static readonly Paper Known = new()
    {
        Id = "2505.00001",
        ArxivId = "2505.00001",
        Title = "Old title",
        Abstract = "Old abstract",
        Authors = ["A"],
        Published = new DateOnly(2025, 5, 2),
        Revised = new DateOnly(2025, 5, 2),
        Categories = ["cs.LG"],
        Upvotes = 10,
        Sources = ["arxiv-atom"],
        FirstSeen = new DateTimeOffset(2025, 5, 3, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void NewerVersion_ReplacesText_AndKeepsTheRest()
    {
        var incoming = Known with { Title = "New title", Abstract = "New abstract", Authors = ["A", "B"], Revised = new DateOnly(2025, 6, 1), Categories = ["cs.AI"], Upvotes = 3, Sources = ["arxiv-oai"] };
        var (merged, changed) = PaperMerger.Merge(Known, incoming);
        Assert.True(changed);
        Assert.Equal("New title", merged.Title);
        Assert.Equal("New abstract", merged.Abstract);
        Assert.Equal(["A", "B"], merged.Authors);
        Assert.Equal(["cs.LG", "cs.AI"], merged.Categories);
        Assert.Equal(10, merged.Upvotes);
        Assert.Equal(new DateOnly(2025, 6, 1), merged.Revised);
        Assert.Equal(["arxiv-atom", "arxiv-oai"], merged.Sources);
    }

    [Fact]
    public void OlderOrUnversionedRecord_DoesNotReplaceText_ButFillsBlanks()
    {
        var blank = Known with { Abstract = "", ProjectUrl = null };
        var incoming = Known with { Title = "Other title", Abstract = "Filled", Revised = null, ProjectUrl = "https://example.org/p", Published = new DateOnly(2025, 4, 30), Upvotes = 12 };
        var (merged, changed) = PaperMerger.Merge(blank, incoming);
        Assert.True(changed);
        Assert.Equal("Old title", merged.Title);
        Assert.Equal("Filled", merged.Abstract);
        Assert.Equal("https://example.org/p", merged.ProjectUrl);
        Assert.Equal(new DateOnly(2025, 4, 30), merged.Published);
        Assert.Equal(12, merged.Upvotes);
    }

    [Fact]
    public void NewerVersion_WithFewerAuthors_ReplacesTheWholeList_WithoutUnion()
    {
        var known = Known with { Authors = ["Hui Liu", "Jane Doe", "Hui Liu", "Ann Other"] };
        var incoming = known with { Authors = ["Jane Doe", "Hui Liu"], Revised = new DateOnly(2025, 6, 1) };

        var (merged, changed) = PaperMerger.Merge(known, incoming);

        Assert.True(changed);
        Assert.Equal(["Jane Doe", "Hui Liu"], merged.Authors);
    }

    [Fact]
    public void NewerVersion_WithTwoAuthorsOfOneName_KeepsBoth()
    {
        var incoming = Known with { Authors = ["Hui Liu", "A", "Hui Liu"], Revised = new DateOnly(2025, 6, 1) };

        var (merged, _) = PaperMerger.Merge(Known, incoming);

        Assert.Equal(["Hui Liu", "A", "Hui Liu"], merged.Authors);
    }

    [Fact]
    public void OlderOrSameVersion_KeepsTheKnownAuthorList_RepeatedNamesIncluded()
    {
        var known = Known with { Authors = ["Hui Liu", "A", "Hui Liu"] };

        var (older, olderChanged) = PaperMerger.Merge(known, known with { Authors = ["A", "B"], Revised = new DateOnly(2025, 1, 1) });
        var (same, sameChanged) = PaperMerger.Merge(known, known with { Authors = ["Hui Liu", "A", "Hui Liu"] });

        Assert.Equal(["Hui Liu", "A", "Hui Liu"], older.Authors);
        Assert.False(olderChanged);
        Assert.Equal(["Hui Liu", "A", "Hui Liu"], same.Authors);
        Assert.False(sameChanged);
    }

    [Fact]
    public void SameVersion_WithTheRepeatedNamesADeduplicatedListLost_RestoresThem()
    {
        var stored = Known with { Authors = ["Hui Liu", "Jane Doe", "Ann Other"] };
        var again = Known with { Authors = ["Hui Liu", "Jane Doe", "Hui Liu", "Ann Other"] };

        var (merged, changed) = PaperMerger.Merge(stored, again);
        var (other, otherChanged) = PaperMerger.Merge(stored, Known with { Authors = ["Hui Liu", "Jane Doe", "Ann Other", "New Person"] });

        Assert.True(changed);
        Assert.Equal(["Hui Liu", "Jane Doe", "Hui Liu", "Ann Other"], merged.Authors);
        Assert.False(otherChanged);
        Assert.Equal(["Hui Liu", "Jane Doe", "Ann Other"], other.Authors);
    }

    [Fact]
    public void SameFactsAgain_IsUnchanged()
    {
        var (_, changed) = PaperMerger.Merge(Known, Known with { FirstSeen = default, UpdatedAt = DateTimeOffset.UtcNow });
        Assert.False(changed);
    }

    [Fact]
    public void TitleOnlyPaper_TakesTheArxivId()
    {
        var digest = new Paper { Id = PaperId.FromTitle("Old title"), Title = "Old title", DigestDays = [new DateOnly(2024, 3, 11)] };
        var (merged, _) = PaperMerger.Merge(digest, Known);
        Assert.Equal("2505.00001", merged.Id);
        Assert.Equal("2505.00001", merged.ArxivId);
        Assert.Equal([new DateOnly(2024, 3, 11)], merged.DigestDays);
    }
}
