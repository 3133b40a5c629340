using Digest.Core.Readers;

namespace Digest.Web.Readers;

/// <summary>
/// The signed-in reader's marks on the papers of one page (voted, saved), loaded with one query each for the whole
/// list before it is drawn (<see cref="LoadAsync"/>), so a result page never asks the store once per paper.
/// </summary>
public sealed class ReaderPaperMarks(PaperVotes votes, SavedPapers saved, IHttpContextAccessor accessor)
{
    private readonly HashSet<string> _voted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _saved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

    public long? ReaderId => accessor.HttpContext?.User.ReaderId();

    public bool SignedIn => ReaderId is not null;

    public bool IsCurator => accessor.HttpContext?.User.IsCurator() == true;

    public async Task LoadAsync(IEnumerable<string> paperIds, CancellationToken cancellationToken = default)
    {
        if (ReaderId is not { } reader) return;
        var ids = paperIds.Where(_loaded.Add).ToList();
        if (ids.Count == 0) return;
        _voted.UnionWith(await votes.VotedAsync(reader, ids, cancellationToken));
        _saved.UnionWith(await saved.SavedAmongAsync(reader, ids, cancellationToken));
    }

    public bool Voted(string paperId) => _voted.Contains(paperId);

    public bool Saved(string paperId) => _saved.Contains(paperId);
}
