namespace Digest.Web.CommandLine;

/// <summary>One CLI verb of the app binary (for example <c>ingest</c>), run against the configured data directory.</summary>
public interface ICliCommand
{
    /// <summary>The verb, as typed.</summary>
    string Verb { get; }

    /// <summary>One line for the usage text, e.g. <c>ingest PATH... [--format F] [--date D]</c>.</summary>
    string Usage { get; }

    /// <summary>The <c>--name value</c> options the verb takes.</summary>
    IReadOnlySet<string> ValueOptions { get; }

    /// <summary>The bare <c>--flag</c>s the verb takes.</summary>
    IReadOnlySet<string> FlagOptions => NoFlags;

    private static readonly IReadOnlySet<string> NoFlags = new HashSet<string>();

    /// <summary>Whether the data directory must be initialised first (migrations, index repair).</summary>
    bool NeedsStore => true;

    /// <summary>Runs the verb; returns the process exit code (0 success, 1 partial, 2 failure or bad usage).</summary>
    Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
