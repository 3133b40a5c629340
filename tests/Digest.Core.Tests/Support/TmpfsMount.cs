using System.Diagnostics;
using System.Globalization;

namespace Digest.Core.Tests.Support;

/// <summary>
/// A small real file system (tmpfs) mounted for one test, to make a disk fill up for real: the store and the index
/// then see the same "No space left on device" as on a full volume. Needs root with the right to mount (as on the
/// development machines and in CI); elsewhere <see cref="TryMount"/> says why it cannot.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> at <paramref name="path"/> (created if missing); null and the reason when mounting is impossible here.</summary>
    public static (TmpfsMount? Mount, string? Reason) TryMount(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes.ToString(CultureInfo.InvariantCulture)}", "tmpfs", path);
        return code == 0 ? (new TmpfsMount(path), null) : (null, $"cannot mount a tmpfs at {path} (needs root with CAP_SYS_ADMIN): {output.Trim()}");
    }

    /// <summary>Gives the file system a new size, as an operator who frees or adds space does; what it holds stays.</summary>
    public void Resize(long bytes)
    {
        var (code, output) = Run("mount", "-o", $"remount,size={bytes.ToString(CultureInfo.InvariantCulture)}", Path);
        if (code != 0) throw new InvalidOperationException($"remount failed: {output}");
    }

    /// <summary>Bytes free on it now.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Lazy: a file a failed test still holds must not keep the mount (and its memory) forever.
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (int Code, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
