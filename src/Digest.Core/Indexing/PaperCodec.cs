using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Digest.Core.Indexing;

/// <summary>
/// Lucene's default codec with stored fields compressed in small chunks. A result page reads 20 documents' stored
/// fields, and the default 16 KB chunks hold about nine papers: reading one decompressed everything before it in its
/// chunk, about a fifth of a search page's time. Chunks of <see cref="ChunkSize"/> bytes hold one or two papers, for
/// an index a little larger. Segments written by the default codec stay readable (the codec is recorded per segment).
/// </summary>
[CodecName(CodecName)]
public sealed class PaperCodec : FilterCodec
{
    public const string CodecName = "Digest46";

    /// <summary>Bytes of stored fields per compressed chunk: about one paper's.</summary>
    public const int ChunkSize = 2 * 1024;

    private static readonly Lock RegistrationLock = new();
    private static bool _registered;

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("DigestStoredFields", CompressionMode.FAST, ChunkSize);

    public PaperCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>
    /// Makes Lucene find this codec by name when it opens a segment. Lucene's codec lookup is process-wide, so this
    /// registers once; call before opening any index.
    /// </summary>
    public static void Register()
    {
        lock (RegistrationLock)
        {
            if (_registered) return;
            Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(PaperCodec)] });
            _registered = true;
        }
    }
}
