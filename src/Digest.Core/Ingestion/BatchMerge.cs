using Digest.Core.Papers;

namespace Digest.Core.Ingestion;

/// <summary>
/// Merges one batch of incoming papers with the stored papers they match (and with each other: a file may
/// list a paper twice), and counts what happened. A paper matches by id, or by normalised title when one side
/// has no arXiv id (a digest page lists titles only; the arXiv feed later gives the id).
/// </summary>
internal sealed class BatchMerge
{
    private readonly Dictionary<string, Paper> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByTitleKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Paper> _changed = new(StringComparer.Ordinal);
    private readonly List<(string OldId, string NewId)> _rekeyed = [];
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);

    public BatchMerge(IEnumerable<Paper> stored)
    {
        foreach (var paper in stored)
        {
            Remember(paper);
            _stored.Add(paper.Id);
        }
    }

    /// <summary>New and changed papers, to write.</summary>
    public List<Paper> Changed => [.. _changed.Values];

    /// <summary>Ids of papers that were not stored before this batch.</summary>
    public IReadOnlySet<string> AddedIds => _added;

    /// <summary>Stored papers that moved from a title-derived id to their arXiv id.</summary>
    public IReadOnlyList<(string OldId, string NewId)> Rekeyed => _rekeyed;

    public void Add(Paper incoming, DateTimeOffset now, FileReport file)
    {
        var known = Find(incoming);
        if (known is null)
        {
            var added = incoming with { FirstSeen = incoming.FirstSeen == default ? now : incoming.FirstSeen, UpdatedAt = now };
            Remember(added);
            _changed[added.Id] = added;
            _added.Add(added.Id);
            file.Added++;
            return;
        }

        var (merged, changed) = PaperMerger.Merge(known, incoming);
        if (!changed)
        {
            file.Unchanged++;
            return;
        }
        merged = merged with { UpdatedAt = now };
        if (merged.Id != known.Id)
        {
            Forget(known);
            _changed.Remove(known.Id);
            if (_added.Remove(known.Id)) _added.Add(merged.Id);
            if (_stored.Remove(known.Id)) _rekeyed.Add((known.Id, merged.Id));
        }
        Remember(merged);
        _changed[merged.Id] = merged;
        file.Updated++;
    }

    private Paper? Find(Paper incoming)
    {
        if (_byId.TryGetValue(incoming.Id, out var byId)) return byId;
        if (_idByTitleKey.TryGetValue(PaperId.TitleKey(incoming.Title), out var id) && _byId.TryGetValue(id, out var byTitle)
            && (byTitle.ArxivId is null || incoming.ArxivId is null))
        {
            return byTitle;
        }
        return null;
    }

    private void Remember(Paper paper)
    {
        _byId[paper.Id] = paper;
        _idByTitleKey[PaperId.TitleKey(paper.Title)] = paper.Id;
    }

    private void Forget(Paper paper) => _byId.Remove(paper.Id);
}
