using System.Runtime.InteropServices;

namespace Digest.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond resolution; the
/// <c>getrusage</c> figure this replaced ticked in 4 ms steps here, too coarse for searches of a few milliseconds).
/// On a machine shared with other builds, wall latency mostly measures waiting for a core; CPU time per search is
/// what the search itself costs.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>Whether thread CPU time can be read here (Linux only).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    public static double NowMilliseconds()
    {
        if (!IsSupported || ClockGetTime(ClockThreadCpuTime, out var time) != 0) return double.NaN;
        return time.Seconds * 1_000.0 + time.Nanoseconds / 1_000_000.0;
    }

    // DllImport, not LibraryImport: the generated marshaller would need unsafe code for one blittable struct.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
