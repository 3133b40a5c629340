using System.IO.MemoryMappedFiles;

namespace Digest.Core.Indexing;

/// <summary>
/// One index file mapped read-only into memory, with its base pointer acquired once. Every
/// <see cref="MappedIndexInput"/> over the file (the one Lucene opened, its clones, compound-file slices) holds a
/// reference to this object, and the mapping is released only by the finalizer, when none of them is reachable.
/// Lucene promises never to read a clone after closing the original, but an unmapped page read through a raw
/// pointer would crash the process rather than throw, so the mapping's lifetime is tied to reachability instead of
/// to that promise. The cost is that a deleted segment file keeps its disk space until a garbage collection.
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _pointer;

    private MappedFile(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* pointer, long length, string path)
    {
        _file = file;
        _view = view;
        _pointer = pointer;
        Length = length;
        Path = path;
    }

    ~MappedFile()
    {
        if (_view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file!.Dispose();
    }

    public long Length { get; }

    public string Path { get; }

    /// <summary>The first byte of the file. Valid while this object is reachable.</summary>
    public byte* Pointer => _pointer;

    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        // A zero-length file cannot be mapped; Lucene never writes one, but an input over it must still work.
        if (length == 0) return new MappedFile(null, null, null, 0, path);
        var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new MappedFile(file, view, pointer + view.PointerOffset, length, path);
        }
        catch
        {
            view?.Dispose();
            file.Dispose();
            throw;
        }
    }
}
