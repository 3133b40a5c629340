using Digest.Core.Papers;

namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>
/// Generates papers one at a time from the seeds, for corpora of millions: each takes a random seed paper's field,
/// mixes title and abstract with others of that field, gets authors from the <see cref="AuthorPopulation"/> and a date
/// and id from the <see cref="ArxivCalendar"/>. Nothing of earlier papers is kept but the per-month id counters and
/// the per-author counts the summary prints. One seeded <see cref="Random"/> drawn in a fixed order: same seed, same corpus.
/// </summary>
internal sealed class ScalePaperGenerator
{
    private const double CrossListChance = 0.15;
    private const double CodeChance = 0.25;
    private const double RecentDigestChance = 0.1;
    private static readonly DateOnly RecentFrom = new(2023, 6, 1);

    private readonly SeedPapers _seeds;
    private readonly int _papers;
    private readonly Random _random;
    private readonly ArxivCalendar _calendar = new();

    public ScalePaperGenerator(SeedPapers seeds, int papers, int seed)
    {
        _seeds = seeds;
        _papers = papers;
        _random = new Random(seed);
        Authors = new AuthorPopulation(seeds, papers);
        PapersPerAuthor = new int[Authors.Size];
    }

    public AuthorPopulation Authors { get; }

    /// <summary>Papers written per author number, for the summary's distinct and most-productive counts (4 bytes an author).</summary>
    public int[] PapersPerAuthor { get; }

    public IEnumerable<Paper> Generate()
    {
        var authors = new List<string>(12);
        var drawn = new HashSet<int>();
        for (var i = 0; i < _papers; i++)
        {
            var index = _random.Next(_seeds.Papers.Count);
            var first = _seeds.Papers[index];
            var group = _seeds.GroupOf[index];
            var title = TitleWords.Mix(first, group, _random);
            var abstractText = AbstractSentences.Mix(first, group, _random);

            // The author count of another paper of the field: the seeds' distribution, not tied to one abstract.
            var authorCount = group[_random.Next(group.Length)].AuthorCount;
            authors.Clear();
            drawn.Clear();
            while (authors.Count < authorCount)
            {
                var author = Authors.Draw(_random);
                if (!drawn.Add(author)) continue;
                PapersPerAuthor[author]++;
                authors.Add(Authors.Name(author));
            }

            var (id, published) = _calendar.NextId(_calendar.Draw(_random));
            var categories = first.Categories;
            if (_random.NextDouble() < CrossListChance && group[_random.Next(group.Length)].Categories is var other
                && other.FirstOrDefault(c => !categories.Contains(c)) is { } crossList)
            {
                categories = [.. categories, crossList];
            }

            var recent = published >= RecentFrom && _random.NextDouble() < RecentDigestChance;
            var code = _random.NextDouble() < CodeChance;
            yield return new Paper
            {
                Id = id,
                ArxivId = id,
                Title = title,
                Abstract = abstractText,
                Authors = [.. authors],
                Published = published,
                Categories = categories,
                DigestDays = recent ? [published.AddDays(_random.Next(1, 4))] : [],
                // Upvotes spread like a digest site's: most papers a few, some hundreds.
                Upvotes = recent ? (int)Math.Exp(_random.NextDouble() * 6) - 1 : null,
                CodeUrls = code ? [CodeUrl(authors[0], id)] : [],
            };
        }
    }

    // A repository named for the first author and the id: plausible, unique, and only ASCII letters, digits and dashes.
    private static string CodeUrl(string author, string id)
    {
        var owner = new string([.. author.Split(' ')[^1].ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
        return $"https://github.com/{(owner.Length > 0 ? owner : "lab")}-lab/paper-{id.Replace('.', '-')}";
    }
}
