using Digest.Core.Papers;

namespace Digest.Core.Ingestion;

/// <summary>
/// Merges one batch of incoming papers with the stored papers they match (and with each other: a file may
/// list a paper twice), and counts what happened. A paper matches by id, or by normalised title when one side
/// has no arXiv id (a digest page lists titles only; the arXiv feed later gives the id). Digest days a curator took
/// a paper off (<c>digest_day_removals</c>) are dropped from what comes in, so ingesting the same page again does not
/// put them back.
/// </summary>
internal sealed class BatchMerge
{
    private readonly Dictionary<string, Paper> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByTitleKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Paper> _changed = new(StringComparer.Ordinal);
    private readonly List<(string OldId, string NewId)> _rekeyed = [];
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);

    private readonly Dictionary<string, HashSet<DateOnly>> _removedDays;

    /// <param name="stored">The stored papers the batch may match.</param>
    /// <param name="removedDays">Digest days removed from papers, by stored paper id.</param>
    public BatchMerge(IEnumerable<Paper> stored, IReadOnlyDictionary<string, HashSet<DateOnly>>? removedDays = null)
    {
        _removedDays = removedDays is null ? new(StringComparer.Ordinal) : new(removedDays, StringComparer.Ordinal);
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
        if (IsWithdrawalNotice(incoming))
        {
            // Only a stored paper can be marked; a notice about one never seen adds nothing (no stub without a title).
            if (!_byId.ContainsKey(incoming.Id))
            {
                file.Unchanged++;
                file.SkippedWithdrawals++;
                return;
            }
        }
        var known = Find(incoming);
        incoming = WithoutRemovedDays(incoming, known?.Id);
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
            // The store moves the removals to the new id with the re-key; later papers of this batch see it already.
            if (_removedDays.Remove(known.Id, out var removed)) _removedDays[merged.Id] = removed;
        }
        Remember(merged);
        _changed[merged.Id] = merged;
        file.Updated++;
    }

    /// <summary>A notice from <see cref="ParsedItem.Withdrawn"/>: every paper that passed validation has a title.</summary>
    private static bool IsWithdrawalNotice(Paper paper) => paper.WithdrawnOn is not null && paper.Title.Length == 0;

    private Paper WithoutRemovedDays(Paper incoming, string? knownId)
    {
        if (_removedDays.Count == 0 || incoming.DigestDays.Count == 0) return incoming;
        var removed = knownId is not null && _removedDays.TryGetValue(knownId, out var byKnown) ? byKnown
            : _removedDays.GetValueOrDefault(incoming.Id);
        if (removed is null || !incoming.DigestDays.Any(removed.Contains)) return incoming;
        return incoming with { DigestDays = [.. incoming.DigestDays.Where(d => !removed.Contains(d))] };
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
