using System.Collections.Concurrent;

namespace Digest.Core.Search.Snippets;

/// <summary>
/// Values computed per word and kept for every later request, up to a number of words: once full it keeps no more,
/// and callers compute new words each time. Words longer than <see cref="MaxKeptWordLength"/> (formulas, sequences,
/// URLs) are rarely repeated and never kept, which bounds the memory. Thread-safe; lookups take a span, so a word
/// cut from a longer text is looked up without a string of its own.
/// </summary>
internal sealed class BoundedWordMemo<T>
{
    public const int MaxKeptWordLength = 64;

    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, T> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // ConcurrentDictionary.Count takes every lock; a counter of our own is cheap to read on each miss.
    private int _count;

    public BoundedWordMemo(int capacity)
    {
        _capacity = capacity;
        _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Words kept so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGet(ReadOnlySpan<char> word, out T value) => _lookup.TryGetValue(word, out value!);

    /// <summary>Keeps <paramref name="value"/> for <paramref name="word"/> unless the memo is full or the word too long.</summary>
    public void Keep(string word, T value)
    {
        if (word.Length <= MaxKeptWordLength && Count < _capacity && _values.TryAdd(word, value)) Interlocked.Increment(ref _count);
    }
}
