using Digest.Core.Search;

namespace Digest.Benchmarks;

/// <summary>The benchmark's queries: what people type into a paper search, with and without facet filters, plus browsing.</summary>
public static class SearchWorkload
{
    private static readonly string[] Words =
    [
        "transformer", "diffusion", "reinforcement", "graph", "robot", "language", "segmentation", "quantum", "protein",
        "forecasting", "LLMs", "agents", "retrieval", "benchmark", "attention", "federated", "privacy", "optimization",
        "uncertainty", "causal", "bayesian", "contrastive", "multimodal", "speech", "medical", "video", "reasoning", "energy",
    ];

    private static readonly string[] TwoWords =
    [
        "large language", "graph neural", "time series", "reinforcement learning", "image segmentation", "neural network",
        "fine tuning", "fine-tuning", "finetuning", "object detection", "knowledge distillation", "point cloud",
        "anomaly detection", "domain adaptation", "few-shot learning", "self-supervised", "zero-shot", "energy management",
    ];

    private static readonly string[] Phrases =
    [
        "\"large language models\"", "\"graph neural network\"", "\"reinforcement learning\"", "\"diffusion models\"",
        "\"time series forecasting\"", "\"vision language\"", "\"state of the art\"", "\"policy optimization\"",
    ];

    private static readonly string[] Syntax =
    [
        "title:diffusion", "author:wang", "author:zhang", "category:cs.CV", "category:cs.ro robot", "year:2025 transformer",
        "topic:llm agents", "abstract:benchmark", "diffusion OR flow", "transformer -vision", "(graph OR molecule) neural",
        "transform*", "\"language model\" reasoning -survey",
    ];

    /// <summary>What readers type when they ask rather than search: relaxed, and hybrid when papers are embedded.</summary>
    private static readonly string[] Questions =
    [
        "how can large language models be fine-tuned with little GPU memory",
        "which methods detect anomalies in multivariate sensor time series",
        "is there a benchmark for agents that use web browsers to complete tasks",
        "what are efficient alternatives to attention for very long sequences",
        "can diffusion models generate realistic videos from a text description",
        "why do reinforcement learning policies fail to transfer from simulation to real robots",
        "methods for protecting the privacy of patient data when training medical imaging models",
        "how to estimate the uncertainty of neural network predictions without ensembles",
    ];

    private static readonly string[] Misspelled = ["transfromer", "difusion models", "reinforcment learning", "segmantation", "langauge"];

    /// <summary>Every query alone, with a topic filter, and with category + year + code filters; then browsing pages and filters.</summary>
    public static List<(string Kind, SearchRequest Request)> Build()
    {
        var queries = Words.Select(q => ("word", q))
            .Concat(TwoWords.Select(q => ("two words", q)))
            .Concat(Phrases.Select(q => ("phrase", q)))
            .Concat(Syntax.Select(q => ("syntax", q)))
            .Concat(Misspelled.Select(q => ("misspelled", q)))
            .Concat(Questions.Select(q => ("question", q)))
            .ToList();
        var requests = new List<(string, SearchRequest)>();
        foreach (var (kind, query) in queries)
        {
            requests.Add((kind, new SearchRequest { Query = query }));
            requests.Add((kind + " + filter", new SearchRequest { Query = query, Topics = ["llm"] }));
            requests.Add((kind + " + filters", new SearchRequest { Query = query, Categories = ["cs.LG", "cs.AI"], Years = [2025], HasCode = true }));
        }
        for (var page = 1; page <= 5; page++) requests.Add(("browse", new SearchRequest { Page = page }));
        requests.Add(("browse", new SearchRequest { Topics = ["computer-vision"] }));
        requests.Add(("browse", new SearchRequest { Topics = ["llm", "agents"], ExcludedTopics = ["benchmarks"] }));
        requests.Add(("browse", new SearchRequest { Categories = ["cs.RO"], HasCode = true }));
        requests.Add(("browse", new SearchRequest { Years = [2024], Sort = SearchSort.Oldest }));
        requests.Add(("browse", new SearchRequest { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 6, 30) }));
        return requests;
    }
}
