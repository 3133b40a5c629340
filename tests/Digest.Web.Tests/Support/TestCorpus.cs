namespace Digest.Web.Tests.Support;

/// <summary>
/// A small corpus with every shape the pages must handle: topics with parents, several years and categories,
/// digest days, code links, an old-style arXiv id, and a paper whose every text field is an attack.
/// </summary>
public static class TestCorpus
{
    public const string HostileId = "2502.06666";
    public const string OldStyleId = "hep-th/9901001";
    public const string FineTuningId = "2501.00001";

    public const string ScriptPayload = "<script>alert(1)</script>";
    public const string ImagePayload = "\"><img src=x onerror=alert(1)>";

    public static readonly string Jsonl = string.Join('\n',
        Line("2501.00001", "Fine-tuning large language models with low-rank adapters", "We study parameter-efficient fine-tuning of large language models with low-rank adapters and report gains on reasoning benchmarks. Code at https://github.com/example/lora-study.", ["Ada Lovelace", "Alan Turing"], "2025-01-10", ["cs.CL", "cs.LG"], ["2025-01-13"], ["https://github.com/example/lora-study"]),
        Line("2501.00002", "Retrieval-augmented generation for open-domain question answering", "Retrieval-augmented generation grounds language models in retrieved passages; we evaluate retrievers and readers for question answering.", ["Grace Hopper", "Ada Lovelace"], "2025-01-11", ["cs.CL"], ["2025-01-13"], []),
        Line("2501.00003", "Language model agents that plan and use tools", "We build language model agents that plan with tools, and measure planning failures of agents on web tasks.", ["Alan Turing"], "2025-01-12", ["cs.AI"], ["2025-01-14"], ["https://github.com/example/agents"]),
        Line("2412.00004", "Diffusion models for high-resolution image synthesis", "Diffusion models generate images by denoising; we scale diffusion to high resolution image synthesis with a cascaded sampler.", ["Katherine Johnson"], "2024-12-02", ["cs.CV"], ["2025-01-14"], []),
        Line("2406.00005", "Object detection with transformers revisited", "Object detection transformers are revisited with better matching and training schedules for detection in crowded scenes.", ["Katherine Johnson", "Grace Hopper"], "2024-06-20", ["cs.CV"], ["2025-01-15"], ["https://github.com/example/detr"]),
        Line("2406.00006", "Robot manipulation from language instructions", "A robot learns manipulation skills from language instructions with imitation learning and a small set of demonstrations.", ["Alan Turing", "Katherine Johnson"], "2024-06-21", ["cs.RO"], [], []),
        Line("2305.00007", "Graph neural networks for molecules", "Graph neural networks predict molecular properties; message passing over molecular graphs improves accuracy.", ["Emmy Noether"], "2023-05-03", ["cs.LG"], [], []),
        Line(OldStyleId, "String dualities in low dimensions", "We study dualities between string theories compactified to low dimensions and their moduli spaces.", ["Edward Witten"], "1999-01-05", ["hep-th"], [], []),
        $$"""{"arxiv_id": "{{HostileId}}", "title": "{{Escape(ScriptPayload)}} Hostile language model paper", "abstract": "{{Escape(ImagePayload)}} This abstract about language models tries to inject markup {{Escape(ScriptPayload)}} into every page.", "authors": ["{{Escape("<b onmouseover=alert(1)>Mallory</b>")}}", "{{Escape(ImagePayload)}}"], "published": "2025-02-01", "categories": ["cs.CL"], "digest_days": ["2025-01-15"], "project_url": "javascript:alert(1)", "code_urls": ["javascript:alert(2)"], "keywords": ["{{Escape(ScriptPayload)}}"]}""");

    /// <summary>Topics per paper, as the taxonomy would assign them (parents included).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Topics = new Dictionary<string, string[]>
    {
        ["2501.00001"] = ["llm", "fine-tuning", "reasoning"],
        ["2501.00002"] = ["llm", "rag"],
        ["2501.00003"] = ["llm", "agents"],
        ["2412.00004"] = ["generative-models", "diffusion", "computer-vision"],
        ["2406.00005"] = ["computer-vision", "object-detection"],
        ["2406.00006"] = ["robotics", "manipulation", "llm"],
        ["2305.00007"] = ["graph-learning", "ai-for-science"],
        [HostileId] = ["llm"],
    };

    /// <summary>An app over this corpus with topics assigned, with <paramref name="settings"/> on top of the test defaults.</summary>
    public static async Task<DigestAppFactory> CreateAppAsync(IDictionary<string, string?>? settings = null)
    {
        var app = new DigestAppFactory(settings);
        var report = await app.IngestAsync("corpus.jsonl", Jsonl);
        if (report.Added != 9) throw new InvalidOperationException("Test corpus not fully ingested:\n" + report.ToText());
        await app.AssignTopicsAsync(Topics);
        return app;
    }

    private static string Line(string id, string title, string summary, string[] authors, string published, string[] categories, string[] days, string[] code) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["arxiv_id"] = id,
            ["title"] = title,
            ["abstract"] = summary,
            ["authors"] = authors,
            ["published"] = published,
            ["categories"] = categories,
            ["digest_days"] = days,
            ["code_urls"] = code,
        });

    private static string Escape(string text) => System.Text.Json.JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
}
