namespace Digest.Core.Indexing;

/// <summary>
/// The Porter stems of words seen before, shared by every thread without a lock: a fixed table of slots, each set once
/// with a compare-and-swap and never changed, probed linearly. A stem is a pure function of its word, so two threads
/// adding the same word at once are harmless (one entry wins, both stems are equal), and a reader sees either no entry
/// or a complete one. Bounded: when the table holds <see cref="Capacity"/> words, new words are stemmed every time.
/// </summary>
/// <remarks>
/// It replaced a <c>ConcurrentDictionary</c>: during a bulk import of new text every core adds words at once, and the
/// dictionary's locks (and its resizes) spun for a fifth of the import's CPU time.
/// </remarks>
internal sealed class StemMemo
{
    /// <summary>Words kept at most: the common vocabulary of a large corpus, a few MB.</summary>
    public const int Capacity = 200_000;

    // A power of two above twice the capacity keeps probe runs short when full.
    private const int Slots = 1 << 19;
    private const int MaxProbes = 32;

    private readonly Entry?[] _slots = new Entry?[Slots];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The memoised stem of <paramref name="word"/>, or null when it was never added.</summary>
    public string? Find(ReadOnlySpan<char> word)
    {
        var slot = SlotOf(word);
        for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & (Slots - 1))
        {
            var entry = Volatile.Read(ref _slots[slot]);
            if (entry is null) return null;
            if (word.SequenceEqual(entry.Word)) return entry.Stem;
        }
        return null;
    }

    /// <summary>Remembers a stem, unless the memo is full or the word's probe run is (then it is stemmed again next time).</summary>
    public void Add(ReadOnlySpan<char> word, string stem)
    {
        if (Count >= Capacity) return;
        Entry? entry = null;
        var slot = SlotOf(word);
        for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & (Slots - 1))
        {
            var current = Volatile.Read(ref _slots[slot]);
            if (current is null)
            {
                entry ??= new Entry(word.ToString(), stem);
                current = Interlocked.CompareExchange(ref _slots[slot], entry, null);
                if (current is null)
                {
                    Interlocked.Increment(ref _count);
                    return;
                }
            }
            if (word.SequenceEqual(current.Word)) return; // another thread added it first
        }
    }

    private static int SlotOf(ReadOnlySpan<char> word) => string.GetHashCode(word) & (Slots - 1);

    private sealed record Entry(string Word, string Stem);
}
