using Digest.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Digest.Web.Browsing;

/// <summary>
/// Absolute URLs for what leaves the site (feeds, the OpenSearch description, canonical links): from Digest:PublicBaseUrl when set,
/// else from the request's scheme, host and path base. Set the setting behind a proxy: the Host header is whatever the
/// client sent, and feed readers keep entry ids, which are these URLs.
/// </summary>
public sealed class PublicUrls(IOptions<DigestOptions> options)
{
    private readonly string? _configured = string.IsNullOrEmpty(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The base every absolute URL starts with, without a trailing slash.</summary>
    public string Base(HttpRequest request) =>
        _configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    /// <summary><paramref name="path"/> (starting with "/") made absolute.</summary>
    public string Absolute(HttpRequest request, string path) => Base(request) + path;
}
