using System.Collections.Concurrent;
using System.Diagnostics;

namespace Digest.Web.Tests.Support;

/// <summary>
/// The real app binary in a process of its own (a CLI verb or the web app), on a given data directory, as a self-hoster
/// runs it. Its output is drained as it comes (a full pipe would stall the process) and the last lines kept for failure
/// messages. Disposing kills it if it still runs, so no test leaves a process behind.
/// </summary>
public sealed class DigestProcess : IDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastLines = new();

    private DigestProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>dotnet Digest.Web.dll ARGUMENTS</c> with the data directory and the given settings in its environment.</summary>
    public static DigestProcess Start(string dataDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Digest.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["Digest__DataDirectory"] = dataDirectory;
        start.Environment["Digest__SeedSampleDigest"] = "false";
        // Drills search back to back from one address to load the app; they test ingest, not the per-client budget.
        start.Environment["Digest__Search__ClientSearchTimePerSecond"] = "00:00:00";
        // Drills start many processes; the model would add seconds and a core to each. A drill of semantic search sets it true.
        start.Environment["Digest__Semantic__Enabled"] = "false";
        // Drills never reach the real arXiv (their digest-text papers would each be looked up).
        start.Environment["Digest__Arxiv__TitleLookup"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new DigestProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote (stdout and stderr interleaved).</summary>
    public string Output => string.Join('\n', _lastLines);

    /// <summary>
    /// SIGKILL to the process and its children, as <c>kill -9</c> or an OOM killer would: no shutdown code runs.
    /// Returns false when it had already exited (nothing was killed).
    /// </summary>
    public bool KillHard()
    {
        var wasRunning = !_process.HasExited;
        if (wasRunning)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                wasRunning = false; // exited between the check and the kill
            }
        }
        _process.WaitForExit();
        return wasRunning;
    }

    /// <summary>Waits for the process to end by itself; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _lastLines.Enqueue(line);
        while (_lastLines.Count > KeptLines) _lastLines.TryDequeue(out _);
    }
}
