using System.Globalization;

namespace Digest.Web.Tests.Support;

/// <summary>
/// How long and from where the fault drills run: <c>DIGEST_DRILL_RUNS</c> (runs per scenario, default 3; more for a
/// long run by hand) and <c>DIGEST_DRILL_SEED</c> (replays the kill points a failed run printed; default a new seed).
/// </summary>
public static class DrillSettings
{
    private const int DefaultRuns = 3;

    public static int Runs { get; } = Read("DIGEST_DRILL_RUNS") ?? DefaultRuns;

    public static int Seed { get; } = Read("DIGEST_DRILL_SEED") ?? Random.Shared.Next(1, 1_000_000);

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
