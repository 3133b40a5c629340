using Microsoft.Net.Http.Headers;

namespace Digest.Web.Feeds;

/// <summary>Validators and conditional requests (RFC 9110 §13): If-None-Match wins over If-Modified-Since, and compares weakly.</summary>
public static class ConditionalGet
{
    /// <summary>Caches may keep a feed five minutes; readers that poll more often revalidate, which is a 304.</summary>
    public const string CacheControl = "public, max-age=300";

    /// <summary>Sets ETag, Last-Modified and Cache-Control, and says whether the client's copy is current.</summary>
    public static bool IsNotModified(HttpContext context, string etag, DateTimeOffset lastModified)
    {
        var response = context.Response.GetTypedHeaders();
        var current = EntityTagHeaderValue.Parse(etag);
        response.ETag = current;
        response.LastModified = lastModified;
        context.Response.Headers.CacheControl = CacheControl;

        var request = context.Request.GetTypedHeaders();
        var ifNoneMatch = request.IfNoneMatch;
        if (ifNoneMatch.Count > 0) return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}
