namespace Digest.Web.Tests.Support;

/// <summary>A request the server saw.</summary>
public sealed record RecordedRequest(string Path, string Query, string UserAgent, DateTimeOffset At);
