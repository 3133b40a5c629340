using Digest.Core.Topics;

namespace Digest.Core.Tests.Topics;

public class TaxonomyParsingTests
{
    private const string Base = """
        # base taxonomy
        [llm]
        label = Large language models
        description = Language models.
        query = LLM OR "language model"

        [fine-tuning]
        label = Fine-tuning
        parent = llm
        query = LoRA
          OR "fine-tuning"
        """;

    private static Taxonomy Load(string defaults, string? curated = null)
    {
        var result = TaxonomyLoader.FromText(defaults, curated);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Taxonomy!;
    }

    [Fact]
    public void Every_key_is_read_and_comments_are_ignored()
    {
        var taxonomy = Load(Base);

        Assert.Equal(["llm", "fine-tuning"], taxonomy.Topics.Select(t => t.Slug));
        var llm = taxonomy.Find("llm")!;
        Assert.Equal("Large language models", llm.Label);
        Assert.Equal("Language models.", llm.Description);
        Assert.Null(llm.Parent);
        Assert.Equal("LLM OR \"language model\"", llm.Query);
        Assert.Equal("llm", taxonomy.Find("fine-tuning")!.Parent);
    }

    [Fact]
    public void Indented_line_continues_the_previous_value()
    {
        Assert.Equal("LoRA OR \"fine-tuning\"", Load(Base).Find("fine-tuning")!.Query);
    }

    [Fact]
    public void Description_is_optional()
    {
        Assert.Equal("", Load(Base).Find("fine-tuning")!.Description);
    }

    [Fact]
    public void Extend_mode_overrides_same_slug_in_place_and_appends_new_topics()
    {
        var taxonomy = Load(Base, """
            mode = extend
            [llm]
            label = LLMs
            query = LLM
            [rag]
            label = RAG
            parent = llm
            query = "retrieval-augmented"
            """);

        Assert.Equal(["llm", "fine-tuning", "rag"], taxonomy.Topics.Select(t => t.Slug));
        Assert.Equal("LLMs", taxonomy.Find("llm")!.Label);
        Assert.Equal("LLM", taxonomy.Find("llm")!.Query);
    }

    [Fact]
    public void File_without_mode_extends()
    {
        var taxonomy = Load(Base, "[rag]\nlabel = RAG\nquery = RAG\n");
        Assert.Equal(3, taxonomy.Topics.Count);
    }

    [Fact]
    public void Replace_mode_keeps_only_the_files_topics()
    {
        var taxonomy = Load(Base, "mode = replace\n[robotics]\nlabel = Robotics\nquery = robot\n");
        Assert.Equal(["robotics"], taxonomy.Topics.Select(t => t.Slug));
    }

    [Fact]
    public void Fingerprint_changes_with_queries_but_not_with_labels()
    {
        var original = Load(Base);
        var relabelled = Load(Base.Replace("label = Fine-tuning", "label = Tuning"));
        var redefined = Load(Base.Replace("query = LoRA", "query = PEFT"));

        Assert.Equal(original.Fingerprint, Load(Base).Fingerprint);
        Assert.Equal(original.Fingerprint, relabelled.Fingerprint);
        Assert.NotEqual(original.Fingerprint, redefined.Fingerprint);
    }

    [Fact]
    public void Category_terms_are_exact_and_unprefixed_terms_search_text_fields()
    {
        var (query, error) = TopicQueryParser.Parse("category:cs.RO OR robots");
        Assert.Null(error);
        var text = query!.ToString();
        Assert.Contains("category:cs.RO", text);
        Assert.Contains("title:robot", text);
        Assert.Contains("abstract:robot", text);
        Assert.Contains("keyword:robot", text);
    }
}
