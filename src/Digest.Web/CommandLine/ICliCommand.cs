namespace Digest.Web.CommandLine;

/// <summary>One CLI verb of the app binary (for example <c>ingest</c>), run against the configured data directory.</summary>
public interface ICliCommand
{
    /// <summary>The verb, as typed.</summary>
    string Verb { get; }

    /// <summary>One line for the usage text, e.g. <c>ingest PATH... [--format F] [--date D]</c>.</summary>
    string Usage { get; }

    /// <summary>The <c>--name value</c> options the verb takes (no verb takes a bare flag).</summary>
    IReadOnlySet<string> ValueOptions { get; }

    /// <summary>Whether the data directory must be initialised first (migrations, index repair).</summary>
    bool NeedsStore => true;

    /// <summary>Runs the verb; returns the process exit code (0 success, 1 partial, 2 failure or bad usage).</summary>
    Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
