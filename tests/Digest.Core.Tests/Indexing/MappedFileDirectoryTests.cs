using Digest.Core.Indexing;
using Lucene.Net.Store;

namespace Digest.Core.Tests.Indexing;

public sealed class MappedFileDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "digest-mapped-" + Guid.NewGuid().ToString("N"));
    private readonly MappedFileDirectory _directory;

    public MappedFileDirectoryTests()
    {
        System.IO.Directory.CreateDirectory(_path);
        _directory = new MappedFileDirectory(new DirectoryInfo(_path));
    }

    public void Dispose()
    {
        _directory.Dispose();
        System.IO.Directory.Delete(_path, recursive: true);
    }

    [Fact]
    public void Input_ReadsBackEveryEncodingLuceneWrites()
    {
        Write("data", output =>
        {
            output.WriteByte(7);
            output.WriteInt16(-2);
            output.WriteInt32(int.MinValue + 5);
            output.WriteInt64(long.MaxValue - 9);
            foreach (var value in new[] { 0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1 }) output.WriteVInt32(value);
            foreach (var value in new[] { 0L, 300L, long.MaxValue }) output.WriteVInt64(value);
            output.WriteString("päper ✓");
            output.WriteBytes([1, 2, 3, 4, 5], 5);
        });

        using var input = _directory.OpenInput("data", IOContext.DEFAULT);
        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(int.MinValue + 5, input.ReadInt32());
        Assert.Equal(long.MaxValue - 9, input.ReadInt64());
        Assert.Equal([0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1], Enumerable.Range(0, 8).Select(_ => input.ReadVInt32()));
        Assert.Equal([0L, 300L, long.MaxValue], Enumerable.Range(0, 3).Select(_ => input.ReadVInt64()));
        Assert.Equal("päper ✓", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void ReadsPastTheEnd_ThrowAndLeaveThePositionUsable()
    {
        Write("short", output => output.WriteBytes([1, 2, 3], 3));
        using var input = _directory.OpenInput("short", IOContext.DEFAULT);
        input.Seek(2);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[4], 0, 4));
        Assert.Equal(3, input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadVInt32());
        Assert.Throws<EndOfStreamException>(() => input.Seek(4));
        Assert.Throws<EndOfStreamException>(() => input.Seek(-1));
        input.Seek(3);
        input.Seek(0);
        Assert.Equal(1, input.ReadByte());
    }

    [Fact]
    public void Clones_KeepTheirOwnPositions_AndTheOriginalRejectsCloningOnceClosed()
    {
        Write("data", output => output.WriteBytes([10, 20, 30, 40], 4));
        var input = _directory.OpenInput("data", IOContext.DEFAULT);
        input.Seek(1);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(20, clone.ReadByte());
        Assert.Equal(30, clone.ReadByte());
        Assert.Equal(1, input.Position);
        Assert.Equal(20, input.ReadByte());

        input.Dispose();
        Assert.Throws<ObjectDisposedException>(() => input.Clone());
        // A clone read after its original closed still reads mapped bytes instead of crashing the process.
        Assert.Equal(40, clone.ReadByte());
    }

    [Fact]
    public void Slices_ReadTheirRangeOnly()
    {
        Write("compound", output => output.WriteBytes([.. Enumerable.Range(0, 100).Select(i => (byte)i)], 100));
        using var slicer = _directory.CreateSlicer("compound", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("part", 10, 5);
        Assert.Equal(5, slice.Length);
        Assert.Equal(10, slice.ReadByte());
        slice.Seek(4);
        Assert.Equal(14, slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.ThrowsAny<ArgumentException>(() => slicer.OpenSlice("outside", 98, 5));
    }

    [Fact]
    public void EmptyAndMissingFiles_AreHandled()
    {
        Write("empty", _ => { });
        using var empty = _directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, empty.Length);
        Assert.Throws<EndOfStreamException>(() => empty.ReadByte());
        Assert.ThrowsAny<IOException>(() => _directory.OpenInput("missing", IOContext.DEFAULT));
    }

    [Fact]
    public void AMappedFile_CanBeDeletedWhileOpen()
    {
        Write("old-segment", output => output.WriteInt32(42));
        using var input = _directory.OpenInput("old-segment", IOContext.DEFAULT);
        _directory.DeleteFile("old-segment");
        Assert.DoesNotContain("old-segment", _directory.ListAll());
        Assert.Equal(42, input.ReadInt32());
    }

    private void Write(string name, Action<IndexOutput> write)
    {
        using var output = _directory.CreateOutput(name, IOContext.DEFAULT);
        write(output);
    }
}
