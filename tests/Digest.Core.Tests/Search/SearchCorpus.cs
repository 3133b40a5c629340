using Digest.Core.Indexing;
using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Search.Ranking;
using Digest.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Search;

/// <summary>A small hand-made corpus with distinct words, indexed into a temp index of its own, and a search service over it.</summary>
public sealed class SearchCorpus : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public SearchCorpus(IEnumerable<Paper>? papers = null, SearchLimits? limits = null, ISemanticNeighbours? semantic = null)
    {
        Papers = [.. papers ?? Default()];
        Index = _data.OpenIndex();
        Index.Apply(Papers, [], 1);
        Index.Refresh();
        Service = new SearchService(Index, NullLogger<SearchService>.Instance, limits ?? new SearchLimits(), semantic);
    }

    public IReadOnlyList<Paper> Papers { get; }

    public PaperIndex Index { get; }

    public SearchService Service { get; }

    public SearchResponse Search(string? query) => Service.Search(new SearchRequest { Query = query });

    public List<string> Ids(string? query) => [.. Search(query).Results.Select(r => r.Id)];

    public void Dispose()
    {
        Index.Dispose();
        _data.Dispose();
    }

    public static Paper Paper(
        string id, string title, string abstractText, string[]? authors = null, string date = "2025-01-01",
        string[]? topics = null, string[]? categories = null, bool code = false, string[]? days = null, int? upvotes = null) => new()
        {
            Id = id,
            ArxivId = id,
            Title = title,
            Abstract = abstractText,
            Authors = authors ?? ["Ada Lovelace"],
            Published = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Topics = topics ?? [],
            Categories = categories ?? ["cs.LG"],
            CodeUrls = code ? [$"https://github.com/example/{id}"] : [],
            DigestDays = [.. (days ?? []).Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture))],
            Upvotes = upvotes,
        };

    public static IEnumerable<Paper> Default()
    {
        yield return Paper("2501.00001", "Fine-tuning large language models for forecasting", "We study parameter efficient adaptation of LLMs to time series prediction.",
            ["Ada Lovelace", "Alan Turing"], "2025-01-10", ["llm", "forecasting"], ["cs.LG", "cs.CL"], code: true, ["2025-01-11"], 12);
        yield return Paper("2501.00002", "Finetuning vision encoders cheaply", "A recipe for image encoders with few labels.",
            ["Grace Hopper"], "2025-01-12", ["vision"], ["cs.CV"], days: ["2025-01-13"]);
        yield return Paper("2502.00003", "Efficient fine tuning with adapters", "Adapters make adaptation cheap for language models.",
            ["Alan Turing"], "2025-02-01", ["llm"], ["cs.CL"], code: true, ["2025-02-02"]);
        yield return Paper("2406.00004", "Transformers for protein folding", "A transformer architecture predicts protein structure from sequence.",
            ["Rosalind Franklin"], "2024-06-01", ["biology"], ["q-bio.BM", "cs.LG"]);
        yield return Paper("2403.00005", "Graph neural networks for molecules", "Message passing over molecular graphs predicts toxicity.",
            ["Rosalind Franklin", "Ada Lovelace"], "2024-03-05", ["biology", "graphs"], ["cs.LG"], code: true);
        yield return Paper("2309.00006", "Reinforcement learning for robot control", "Policy gradient methods control a robotic arm in simulation.",
            ["Claude Shannon"], "2023-09-09", ["robotics"], ["cs.RO"]);
        yield return Paper("2411.00007", "Diffusion models for image generation", "Denoising diffusion synthesizes photorealistic images.",
            ["Grace Hopper", "John von Neumann"], "2024-11-11", ["vision"], ["cs.CV"], code: true, ["2025-01-13"]);
        yield return Paper("2301.00008", "Escaping <script>alert(1)</script> in sanitizer titles", "Markup like <b>bold</b> & <script>evil()</script> in a sanitizer must be encoded.",
            ["Mallory Tester"], "2023-01-01", ["security"], ["cs.CR"]);
        yield return Paper("2205.00009", "Quantum error correction with surface codes", "Surface codes protect logical qubits against noise.",
            ["Niels Bohr"], "2022-05-05", ["quantum"], ["quant-ph"]);
        yield return Paper("2503.00010", "Speech recognition with transformers", "We forecast phonemes using a transformer encoder.",
            ["Claude Shannon", "Alan Turing"], "2025-03-03", ["speech"], ["cs.SD", "cs.CL"], code: true, ["2025-03-04"]);
        string[] places = ["ocean", "desert", "forest", "glacier", "volcano", "canyon", "prairie", "tundra", "savanna", "wetland", "lagoon", "meadow"];
        string[] authors = ["Marie Curie", "Niels Bohr", "Alan Turing"];
        for (var i = 0; i < places.Length; i++)
        {
            yield return Paper($"2{2 + i % 4}0{1 + i % 9}.1{i:D4}", $"Sensor survey of the {places[i]} ecosystem", $"We survey {places[i]} habitats with low cost sensors and satellite imagery.",
                [authors[i % 3], authors[(i + 1) % 3]], $"{2022 + i % 4}-0{1 + i % 9}-15", [i % 2 == 0 ? "ecology" : "climate"],
                [i % 3 == 0 ? "physics.ao-ph" : "stat.ML"], code: i % 2 == 1, days: i % 4 == 0 ? ["2025-01-11"] : null);
        }
    }
}
