namespace Digest.Core.Sources;

/// <summary>A remote source could not be fetched or its response is unusable; the message is what the source status shows.</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner);
