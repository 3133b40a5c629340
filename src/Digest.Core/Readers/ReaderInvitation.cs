namespace Digest.Core.Readers;

/// <summary>An invited reader and the one-time sign-in link token made for them, valid for <paramref name="Lifetime"/>.</summary>
public sealed record ReaderInvitation(Reader Reader, string Token, TimeSpan Lifetime);
