using Digest.Core.Papers;
using Digest.Core.Topics;

namespace Digest.Core.Tests.Topics;

public class UncoveredPhraseFinderTests
{
    [Fact]
    public void Phrases_are_bigrams_and_trigrams_that_stop_at_stop_words_and_punctuation()
    {
        var phrases = UncoveredPhraseFinder.Phrases("Quantum circuit synthesis for the quantum compiler. Done");

        Assert.Contains("quantum circuit", phrases);
        Assert.Contains("quantum circuit synthesis", phrases);
        Assert.Contains("quantum compiler", phrases);
        Assert.DoesNotContain("compiler done", phrases);
        Assert.DoesNotContain("synthesis quantum", phrases);
    }

    [Fact]
    public void Finder_ranks_phrases_of_papers_without_topics_with_example_titles()
    {
        var taxonomy = TaxonomyLoader.FromText("[robotics]\nlabel = Robotics\nquery = robot\n", null).Taxonomy!;
        using var assigner = new TopicAssigner(taxonomy);
        var papers = Enumerable.Range(0, 4).Select(i => new Paper { Id = "q" + i, Title = "Quantum circuit paper " + i, Abstract = "Quantum circuit synthesis." })
            .Append(new Paper { Id = "r", Title = "Robot paper", Abstract = "A robot arm." })
            .ToList();

        var report = UncoveredPhraseFinder.Find(assigner, papers, minimumCount: 3, minimumLift: 0);

        Assert.Equal(4, report.UncoveredCount);
        var phrase = Assert.Single(report.Phrases, p => p.Phrase == "quantum circuit");
        Assert.Equal(4, phrase.Count);
        Assert.Equal(3, phrase.ExampleTitles.Count);
        Assert.DoesNotContain(report.Phrases, p => p.Phrase.Contains("robot"));
    }
}
