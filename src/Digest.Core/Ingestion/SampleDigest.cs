namespace Digest.Core.Ingestion;

/// <summary>The sample digest page shipped inside Digest.Core, so a fresh install has something to import and show.</summary>
public static class SampleDigest
{
    /// <summary>The file name the sample is known by (and embedded as).</summary>
    public const string FileName = "sample-digest.txt";

    /// <summary>Opens the embedded sample digest (UTF-8 text in the digest-text format). The caller disposes the stream.</summary>
    public static Stream Open() =>
        typeof(SampleDigest).Assembly.GetManifestResourceStream($"Digest.Core.Resources.{FileName}")
        ?? throw new InvalidOperationException($"The embedded resource Digest.Core.Resources.{FileName} is missing from {typeof(SampleDigest).Assembly.GetName().Name}.");
}
