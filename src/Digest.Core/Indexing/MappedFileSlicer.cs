using Lucene.Net.Store;

namespace Digest.Core.Indexing;

/// <summary>Slices of one mapped compound file (<see cref="MappedFileDirectory.CreateSlicer"/>).</summary>
internal sealed class MappedFileSlicer(MappedFile file) : Lucene.Net.Store.Directory.IndexInputSlicer
{
    public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
        new MappedIndexInput($"MappedIndexInput({sliceDescription} in path=\"{file.Path}\" slice={offset}:{offset + length})", file, offset, length);

    [Obsolete("Only for reading compound files of Lucene 3.x indexes.")]
    public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

    // The mapping outlives the slicer for as long as any slice is reachable (see MappedFile).
    protected override void Dispose(bool disposing)
    {
    }
}
