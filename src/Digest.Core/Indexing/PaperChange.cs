using Digest.Core.Papers;

namespace Digest.Core.Indexing;

/// <summary>
/// A stored paper and the store change that last wrote it; the index keeps the number with the document to verify
/// itself against the store. <see cref="Tokens"/> are its texts analysed already (at ingest), when known.
/// </summary>
public readonly record struct PaperChange(Paper Paper, long ChangeSeq, PaperTokens? Tokens = null);
