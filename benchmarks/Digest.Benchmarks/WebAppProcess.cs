using System.Diagnostics;
using System.Globalization;

namespace Digest.Benchmarks;

/// <summary>
/// The real web app (Kestrel) as a child process on 127.0.0.1, so its CPU time can be read apart from the
/// benchmark's own (<c>/proc/PID/stat</c>). Its data directory is filled once with the app's own <c>ingest</c> verb.
/// </summary>
internal sealed class WebAppProcess : IDisposable
{
    private readonly Process _process;

    private WebAppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>CPU time (user + system) the app has used so far, in 10 ms ticks of the kernel's accounting.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // Fields after the command name: state is field 3, utime field 14, stime field 15.
            var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    /// <summary>Ingests <paramref name="papers"/> into <paramref name="dataDirectory"/> unless it already holds an index.</summary>
    public static void EnsureData(string appDll, string dataDirectory, string papers)
    {
        if (Directory.Exists(Path.Combine(dataDirectory, "index"))) return;
        Console.WriteLine($"ingesting {papers} into {dataDirectory} (once)");
        using var ingest = Start(appDll, dataDirectory, ["ingest", papers], port: null);
        ingest.WaitForExit();
        if (ingest.ExitCode > 1) throw new InvalidOperationException($"ingest failed with exit code {ingest.ExitCode}");
    }

    public static async Task<WebAppProcess> StartAsync(string appDll, string dataDirectory, int port, IReadOnlyDictionary<string, string> settings)
    {
        var process = Start(appDll, dataDirectory, [], port, settings);
        var app = new WebAppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited) throw new InvalidOperationException($"the app exited with code {process.ExitCode}");
            try
            {
                if ((await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting up.
            }
            await Task.Delay(250);
        }
        app.Dispose();
        throw new TimeoutException("the app did not become ready within 3 minutes");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private static Process Start(string appDll, string dataDirectory, string[] args, int? port, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = port is not null };
        start.ArgumentList.Add(appDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Digest__DataDirectory"] = dataDirectory;
        start.Environment["Digest__SeedSampleDigest"] = "false";
        start.Environment["Digest__WatchInbox"] = "false";
        // A benchmark never asks arXiv about its generated titles (requests would leave the machine and add load).
        start.Environment["Digest__Arxiv__TitleLookup"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (port is not null) start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        // The app's console output is not part of the figures; drain it so it never blocks.
        if (port is not null) process.OutputDataReceived += (_, _) => { };
        if (port is not null) process.BeginOutputReadLine();
        return process;
    }
}
