namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>
/// A synthetic population of authors whose productivity falls off like Zipf's law: author k writes in proportion to
/// 1/(k + c), so the first few write hundreds of papers and most of the population one to three. Each author's name is
/// a first name and a last name of the seed authors, picked by a bijection of k, so distinct authors have distinct names.
/// </summary>
internal sealed class AuthorPopulation
{
    // Sized so that a corpus gets about 0.65 distinct authors per paper (1.7 million at 2.7 million papers; arXiv
    // has about 2 million authors) and its most productive author about 700 papers.
    private const double PopulationPerPaper = 0.8;
    private const double HeadPerPaper = 0.001;
    private const double MiddleInitialShare = 0.2;

    private readonly string[] _firstNames;
    private readonly string[] _lastNames;
    private readonly long _nameCount;
    private readonly long _stride;
    private readonly double _head;
    private readonly double _span;

    public AuthorPopulation(SeedPapers seeds, int papers)
    {
        _firstNames = seeds.FirstNames;
        _lastNames = seeds.LastNames;
        _nameCount = (long)_firstNames.Length * _lastNames.Length;
        Size = (int)Math.Min(_nameCount, Math.Max(100, papers * PopulationPerPaper));
        _head = Math.Max(1, papers * HeadPerPaper);
        _span = (Size + _head) / _head;
        // Any stride coprime with the number of names walks through all of them once; the golden ratio's share of
        // them spreads neighbouring authors over all first and last names (a round share like 5/8 gave 8 last names).
        _stride = (long)(_nameCount * 0.6180339887498949);
        while (Gcd(_stride, _nameCount) != 1) _stride++;
    }

    /// <summary>How many authors exist; author numbers run from 0 (the most productive) to Size - 1.</summary>
    public int Size { get; }

    /// <summary>An author drawn by productivity: k = c·(span^u − 1) for a uniform u has density ∝ 1/(k + c).</summary>
    public int Draw(Random random) => Math.Min(Size - 1, (int)(_head * (Math.Pow(_span, random.NextDouble()) - 1)));

    public string Name(int author)
    {
        // author + 1: slot 0 would be the alphabetically first first and last names.
        var slot = (long)((UInt128)(ulong)(author + 1) * (ulong)_stride % (ulong)_nameCount);
        var first = _firstNames[slot % _firstNames.Length];
        var last = _lastNames[slot / _firstNames.Length];
        // A middle initial for some, chosen by the number so one author keeps one spelling.
        var hash = (uint)author * 2_654_435_761u;
        return hash % 1000 < MiddleInitialShare * 1000 ? $"{first} {(char)('A' + hash / 1000 % 26)}. {last}" : $"{first} {last}";
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
