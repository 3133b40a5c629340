using Digest.Core.Search.Facets;

namespace Digest.Core.Tests.Search;

public class PooledBufferTests
{
    [Fact]
    public void Reset_ToALongerLength_ClearsEveryItemInUse()
    {
        using var buffer = new PooledBuffer<ulong>(3);
        buffer.Span.Fill(ulong.MaxValue);
        // A pooled array comes back dirty past what the last user cleared.
        buffer.Array.AsSpan().Fill(ulong.MaxValue);

        buffer.Reset(buffer.Array.Length);

        Assert.Equal(buffer.Array.Length, buffer.Length);
        Assert.All(buffer.Span.ToArray(), item => Assert.Equal(0UL, item));
    }

    [Fact]
    public void Span_IsExactlyTheLengthAskedFor()
    {
        using var buffer = new PooledBuffer<int>(1000);

        Assert.Equal(1000, buffer.Span.Length);
        Assert.True(buffer.Array.Length >= 1000);
        Assert.All(buffer.Span.ToArray(), item => Assert.Equal(0, item));
    }

    [Fact]
    public void Reset_BeyondTheRentedArray_RentsALargerOne()
    {
        using var buffer = new PooledBuffer<int>(16);
        var small = buffer.Array;

        buffer.Reset(small.Length * 4);

        Assert.NotSame(small, buffer.Array);
        Assert.Equal(small.Length * 4, buffer.Span.Length);
    }

    [Fact]
    public void Dispose_ReturnsTheArrayAndLeavesNothingInUse()
    {
        var buffer = new PooledBuffer<int>(8);

        buffer.Dispose();

        Assert.Equal(0, buffer.Length);
        Assert.Empty(buffer.Array);
        buffer.Dispose(); // a second dispose has nothing left to return
        Assert.Equal(0, buffer.Length);
    }
}
