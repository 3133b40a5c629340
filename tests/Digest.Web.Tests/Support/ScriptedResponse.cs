namespace Digest.Web.Tests.Support;

/// <summary>One scripted answer of <see cref="RecordedApiServer"/>.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", string ContentType = "application/json")
{
    public TimeSpan Delay { get; init; }
    public int? BreakOffAfter { get; init; }
    public Dictionary<string, string> Headers { get; init; } = [];

    public static ScriptedResponse Fixture(string fileName, string contentType) =>
        new(200, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName)), contentType);
}
