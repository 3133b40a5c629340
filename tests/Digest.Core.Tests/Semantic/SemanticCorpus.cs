using Digest.Core.Papers;

namespace Digest.Core.Tests.Semantic;

/// <summary>A handful of papers on clearly different subjects, so that a paraphrase of one has one right answer.</summary>
public static class SemanticCorpus
{
    public static Paper Paper(string id, string title, string @abstract, int day) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        Abstract = @abstract,
        Authors = ["A. Author"],
        Published = new DateOnly(2025, 3, day),
        Categories = ["cs.LG"],
        Sources = ["test"],
        FirstSeen = new DateTimeOffset(2025, 3, day, 0, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2025, 3, day, 0, 0, 0, TimeSpan.Zero),
    };

    public static IReadOnlyList<Paper> Papers { get; } =
    [
        Paper("2503.00001", "Protein structure prediction with deep learning",
            "We predict the three-dimensional folded shape of proteins from their amino acid sequence using attention networks trained on the Protein Data Bank.", 1),
        Paper("2503.00002", "Reducing hallucinations of large language models by retrieval",
            "Chatbots built on large language models invent facts. Retrieving documents and citing them while generating answers cuts invented statements by half.", 2),
        Paper("2503.00003", "Legged robot locomotion learned in simulation",
            "A quadruped robot learns to walk over rough terrain with reinforcement learning in a physics simulator and transfers the policy to the real machine.", 3),
        Paper("2503.00004", "Speech recognition for low-resource languages",
            "We transcribe spoken audio in languages with little labelled data by pretraining acoustic models on untranscribed recordings.", 4),
        Paper("2503.00005", "Image generation with diffusion models",
            "Denoising diffusion models synthesise photorealistic pictures from text prompts; we make sampling ten times faster.", 5),
        Paper("2503.00006", "Graph neural networks for traffic forecasting",
            "Road sensors form a graph; message passing networks predict congestion on motorways an hour ahead.", 6),
    ];
}
