namespace Digest.Web.Feeds;

/// <summary>An Atom <c>link</c>: <c>alternate</c> (the entry's page) or <c>related</c> (arXiv, PDF, code).</summary>
public sealed record AtomLink(string Rel, string Href, string? Type = null, string? Title = null);
