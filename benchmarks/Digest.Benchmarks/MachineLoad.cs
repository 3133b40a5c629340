namespace Digest.Benchmarks;

/// <summary>The machine's load averages, printed beside every figure: on a shared machine they say how much the wall clock waited for a core.</summary>
internal static class MachineLoad
{
    /// <summary>The first <paramref name="count"/> load averages (1, 5 and 15 minutes), or "n/a" where /proc/loadavg does not exist.</summary>
    public static string Averages(int count = 3) =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(count)) : "n/a";
}
