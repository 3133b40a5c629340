namespace Digest.Web.Subscriptions;

/// <summary>The key rate limits count a request under. Behind a reverse proxy every request has the proxy's address unless forwarded headers are configured, so limits then apply to all clients together.</summary>
public static class ClientIp
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
