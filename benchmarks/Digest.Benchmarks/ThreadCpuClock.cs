using System.Runtime.InteropServices;

namespace Digest.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux <c>getrusage(RUSAGE_THREAD)</c>). On a machine shared with other builds, wall
/// latency mostly measures waiting for a core; CPU time per search is what the search itself costs.
/// </summary>
internal static class ThreadCpuClock
{
    private const int RusageThread = 1;

    /// <summary>Whether thread CPU time can be read here (Linux only).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    public static double NowMilliseconds()
    {
        if (!IsSupported || GetRusage(RusageThread, out var usage) != 0) return double.NaN;
        return (usage.UserSeconds + usage.SystemSeconds) * 1_000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1_000.0;
    }

    // DllImport, not LibraryImport: the generated marshaller would need unsafe code for one blittable struct.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out RUsage usage);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        // The remaining fields of struct rusage (maxrss, faults, switches, ...): not needed, but the kernel writes them.
        public long Maxrss;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long Minflt;
        public long Majflt;
        public long Nswap;
        public long Inblock;
        public long Oublock;
        public long Msgsnd;
        public long Msgrcv;
        public long Nsignals;
        public long Nvcsw;
        public long Nivcsw;
    }
}
