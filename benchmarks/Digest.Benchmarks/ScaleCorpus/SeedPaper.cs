namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>One real paper of the seed file, cut into the pieces the generator recombines.</summary>
internal sealed record SeedPaper(string Title, string[] TitleContentWords, string[] Sentences, int AuthorCount, string[] Categories);
