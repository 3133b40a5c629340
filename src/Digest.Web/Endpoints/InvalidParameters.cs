namespace Digest.Web.Endpoints;

/// <summary>The 400 answer for query parameters that cannot be understood: problem JSON naming each one, as <c>/api/search</c> and the feeds give it.</summary>
internal static class InvalidParameters
{
    public static IResult Problem(IReadOnlyList<string> problems) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid search parameters",
            detail: string.Join(" ", problems),
            extensions: new Dictionary<string, object?> { ["errors"] = problems });
}
