namespace Digest.Web.Feeds;

/// <summary>An Atom <c>category</c>: a topic (term = slug, label = its name, scheme = the topic pages) or an arXiv category.</summary>
public sealed record AtomCategory(string Term, string? Label, string Scheme);
