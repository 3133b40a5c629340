using System.Buffers;

namespace Digest.Core.Search.Facets;

/// <summary>
/// A per-search buffer from the shared pool (the author counts alone would be a large-object allocation per search):
/// rented and cleared here, returned on <see cref="Dispose"/>. Pooled arrays are longer than asked for and come back
/// dirty; only the first <see cref="Length"/> items are this buffer's, and <see cref="Span"/> is all that readers see.
/// </summary>
internal sealed class PooledBuffer<T> : IDisposable where T : struct
{
    private T[] _array = [];

    /// <summary>A buffer of <paramref name="length"/> zeros.</summary>
    public PooledBuffer(int length) => Reset(length);

    /// <summary>The items in use.</summary>
    public int Length { get; private set; }

    /// <summary>
    /// The rented array, for the counting loops that index it directly (a span cannot be kept in a field). Items past
    /// <see cref="Length"/> are another search's leftovers: never read them.
    /// </summary>
    public T[] Array => _array;

    /// <summary>The first <see cref="Length"/> items.</summary>
    public Span<T> Span => _array.AsSpan(0, Length);

    /// <summary>
    /// Makes the buffer <paramref name="length"/> zeros, renting a larger array when it is too short. Every item in use
    /// is cleared: a larger segment uses words the last one did not (the "dirty pooled tail" of aa1c080).
    /// </summary>
    public void Reset(int length)
    {
        if (_array.Length < length || _array.Length == 0)
        {
            Return();
            _array = ArrayPool<T>.Shared.Rent(Math.Max(length, 1));
        }
        System.Array.Clear(_array, 0, length);
        Length = length;
    }

    public void Dispose() => Return();

    private void Return()
    {
        if (_array.Length > 0) ArrayPool<T>.Shared.Return(_array);
        _array = [];
        Length = 0;
    }
}
