using Digest.Core.Configuration;
using Digest.Core.Semantic;

namespace Digest.Core.Tests.Semantic;

/// <summary>The real packaged model, loaded once per test class (about a second); tests of one class run one at a time, so counting its model calls is exact.</summary>
public sealed class EmbeddingModelFixture : IDisposable
{
    public SemanticOptions Options { get; } = new() { Enabled = true, Threads = 1, BatchSize = 4 };

    public TextEncoder Encoder { get; }

    public EmbeddingModelFixture() => Encoder = new TextEncoder(Options);

    public void Dispose() => Encoder.Dispose();
}
