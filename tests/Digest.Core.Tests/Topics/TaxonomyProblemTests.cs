using Digest.Core.Topics;

namespace Digest.Core.Tests.Topics;

public class TaxonomyProblemTests
{
    private const string Defaults = "[llm]\nlabel = LLM\nquery = LLM\n";

    private static TaxonomyProblem SingleProblem(string curated)
    {
        var result = TaxonomyLoader.FromText(Defaults, curated);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("[a]\nlabel = A\ncolour = red\nquery = x\n", 3, "unknown key 'colour'")]
    [InlineData("# c\n[a]\nquery = x\n", 2, "has no label")]
    [InlineData("[a]\nlabel = A\ndescription = d\n", 1, "has no query")]
    [InlineData("[a]\nlabel = A\n\nquery = (unclosed\n", 4, "does not parse")]
    [InlineData("[a]\nlabel = A\nquery = x\n[b]\nlabel = B\nquery = y\n[a]\nlabel = A2\nquery = z\n", 7, "duplicate slug 'a'")]
    [InlineData("[a]\nlabel = A\nparent = nowhere\nquery = x\n", 3, "unknown parent 'nowhere'")]
    [InlineData("[Fine_Tuning]\nlabel = A\nquery = x\n", 1, "invalid slug")]
    [InlineData("[a]\nlabel = A\nlabel = B\nquery = x\n", 3, "'label' is given twice")]
    [InlineData("[a]\nlabel = A\njust some words\nquery = x\n", 3, "expected 'key = value'")]
    [InlineData("mode = merge\n[a]\nlabel = A\nquery = x\n", 1, "unknown mode 'merge'")]
    [InlineData("label = A\n[a]\nlabel = A\nquery = x\n", 1, "before any [slug] block")]
    public void Bad_file_is_rejected_with_line_and_reason(string curated, int line, string reason)
    {
        var problem = SingleProblem(curated);

        Assert.Equal(TaxonomyLoader.FileName, problem.Source);
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason);
    }

    [Fact]
    public void Parent_cycle_is_reported_at_each_parent_line()
    {
        var result = TaxonomyLoader.FromText(Defaults, "[a]\nlabel = A\nparent = b\nquery = x\n\n[b]\nlabel = B\nparent = a\nquery = y\n");

        Assert.False(result.Succeeded);
        Assert.Equal([3, 8], result.Problems.Select(p => p.Line));
        Assert.All(result.Problems, p => Assert.Contains("parent cycle", p.Reason));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_not_just_the_first()
    {
        var result = TaxonomyLoader.FromText(Defaults, "[a]\ncolour = red\n[B]\nlabel = B\nquery = y\n");

        Assert.Equal([1, 1, 2, 3], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Problem_reads_as_file_line_reason()
    {
        Assert.Equal("taxonomy.txt:7: bad", new TaxonomyProblem("taxonomy.txt", 7, "bad").ToString());
    }
}
