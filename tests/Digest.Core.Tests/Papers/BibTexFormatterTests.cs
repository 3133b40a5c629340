using Digest.Core.Papers;

namespace Digest.Core.Tests.Papers;

public class BibTexFormatterTests
{
    private static Paper Sample(string title = "Fine-tuning {LLMs} for 100% & more: $x_1$ ~ a\\b #1 ^", string[]? authors = null) => new()
    {
        Id = "2501.00001",
        ArxivId = "2501.00001",
        Title = title,
        Authors = authors ?? ["José Müller", "Alan Turing"],
        Published = new DateOnly(2025, 1, 10),
        Categories = ["cs.LG"],
    };

    [Fact]
    public void Format_ArxivPaper_WritesMiscEntryWithEprintFields()
    {
        var entry = BibTexFormatter.Format(Sample("A study of adapters"));
        Assert.StartsWith("@misc{muller2025study,\n", entry, StringComparison.Ordinal);
        Assert.Contains("  title = {{A study of adapters}},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  author = {José Müller and Alan Turing},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  year = {2025},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  month = jan,\n", entry, StringComparison.Ordinal);
        Assert.Contains("  eprint = {2501.00001},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  archivePrefix = {arXiv},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  primaryClass = {cs.LG},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  url = {https://arxiv.org/abs/2501.00001},\n", entry, StringComparison.Ordinal);
        Assert.EndsWith("}\n", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SpecialCharacters_AreEscapedAndBracesStayBalanced()
    {
        var entry = BibTexFormatter.Format(Sample());
        Assert.Contains(@"Fine-tuning \{LLMs\} for 100\% \& more: \$x\_1\$ \textasciitilde{} a\textbackslash{}b \#1 \textasciicircum{}", entry, StringComparison.Ordinal);
        var depth = 0;
        for (var i = 0; i < entry.Length; i++)
        {
            if (entry[i] == '\\' && i + 1 < entry.Length && entry[i + 1] is '{' or '}')
            {
                i++;
                continue;
            }
            depth += entry[i] switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0);
        }
        Assert.Equal(0, depth);
    }

    [Fact]
    public void Format_AuthorWithAndOrComma_IsBracedAsOneName()
    {
        var entry = BibTexFormatter.Format(Sample("Title", ["Ben and Jerry Team", "Smith, J."]));
        Assert.Contains("author = {{Ben and Jerry Team} and {Smith, J.}}", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void CitationKey_SkipsLeadingArticles_AndFallsBackWithoutAuthors()
    {
        Assert.Equal("turing2025attention", BibTexFormatter.CitationKey(Sample("The Attention trick", ["Alan Turing"]), new DateOnly(2025, 1, 1)));
        Assert.Equal("anonattention", BibTexFormatter.CitationKey(Sample("Attention", []), null));
    }
}
