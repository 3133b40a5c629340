namespace Digest.Core.Papers;

/// <summary>
/// The TeX a source wrote a paper's text in (<c>Kekul\'e</c>), kept where Digest decoded it to Unicode (Kekulé): the
/// export carries it, so that an export ingests back to exactly the paper it came from. Only the texts that decoding
/// changed are set; the other 98% of papers have no <see cref="TexSource"/> at all.
/// </summary>
public sealed record TexSource
{
    /// <summary>The title as the source wrote it, when decoding changed it.</summary>
    public string? Title { get; init; }

    /// <summary>The abstract as the source wrote it, when decoding changed it.</summary>
    public string? Abstract { get; init; }

    /// <summary>Every author name as the source wrote it, in the order of <see cref="Paper.Authors"/>, when decoding changed any.</summary>
    public IReadOnlyList<string>? Authors { get; init; }

    /// <summary>The originals, or null when there is none to keep.</summary>
    public static TexSource? Of(string? title, string? abstractText, IReadOnlyList<string>? authors) =>
        title is null && abstractText is null && authors is null ? null : new TexSource { Title = title, Abstract = abstractText, Authors = authors };

    /// <summary>True when both keep the same originals (records compare lists by reference; this compares their names).</summary>
    public static bool Same(TexSource? a, TexSource? b) =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null && a.Title == b.Title && a.Abstract == b.Abstract
            && (a.Authors is null ? b.Authors is null : b.Authors is not null && a.Authors.SequenceEqual(b.Authors, StringComparer.Ordinal)));
}
