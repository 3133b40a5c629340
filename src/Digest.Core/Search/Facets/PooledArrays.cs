using System.Buffers;

namespace Digest.Core.Search.Facets;

/// <summary>Arrays from the shared pool for per-search counts and bit sets (the author counts alone would be a large-object allocation per search).</summary>
internal static class PooledArrays
{
    /// <summary>A pooled array of at least <paramref name="length"/> elements whose first <paramref name="length"/> are zero (pooled arrays come back dirty).</summary>
    public static T[] RentCleared<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(Math.Max(length, 1));
        Array.Clear(array, 0, length);
        return array;
    }
}
