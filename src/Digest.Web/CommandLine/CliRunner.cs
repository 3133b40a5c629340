using Digest.Core.Composition;
using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Startup;
using Digest.Core.Storage;
using Digest.Web.Subscriptions;
using Microsoft.Extensions.Options;

namespace Digest.Web.CommandLine;

/// <summary>
/// Runs a CLI verb of the app binary against the configured data directory, with the same settings as the web app.
/// Verbs work while the app runs on the same data directory: the app owns the index, so a verb then only writes the
/// store and the app indexes the change within seconds.
/// </summary>
public static class CliRunner
{
    public static bool IsVerb(string[] args) => args.Length > 0 && (CliCommands.Find(args[0]) is not null || args[0] is "help" or "--help" or "-h");

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var command = CliCommands.Find(args[0]);
        if (command is null)
        {
            await output.WriteLineAsync(UsageText());
            return 0;
        }

        CliArguments arguments;
        try
        {
            arguments = CliArguments.Parse(args, command.ValueOptions, command.FlagOptions);
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"digest {command.Verb}: {e.Message}\nusage: digest {command.Usage}");
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        // Ctrl+C and SIGTERM (docker stop) cancel at the next batch boundary: committed batches stay, the rest rolls back.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        try
        {
            if (!command.NeedsStore) return await command.RunAsync(arguments, EmptyServices.Instance, output, error, cancellation.Token);
            return await RunWithStoreAsync(command, arguments, output, error, cancellation.Token);
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"digest {command.Verb}: {e.Message}\nusage: digest {command.Usage}");
            return 2;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync($"digest {command.Verb}: invalid settings:\n  " + string.Join("\n  ", e.Failures));
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunWithStoreAsync(ICliCommand command, CliArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Digest", LogLevel.Warning);
        builder.Services.AddDigestCore();
        builder.Services.AddDigestEmail();

        var settings = builder.Configuration.GetSection(DigestOptions.SectionName).Get<DigestOptions>() ?? new DigestOptions();
        var validation = new DigestOptionsValidator().Validate(null, settings);
        if (validation.Failed) throw new OptionsValidationException(DigestOptions.SectionName, typeof(DigestOptions), validation.Failures);

        PaperIndex? index = null;
        try
        {
            using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            index = new PaperIndex(settings.IndexPath, loggerFactory.CreateLogger<PaperIndex>());
            builder.Services.AddOwnedPaperIndex(index);
        }
        catch (IndexLockedException e)
        {
            await error.WriteLineAsync("note: " + IndexHolderNote(e.Owner));
            builder.Services.AddIndexOwnedElsewhere();
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            await error.WriteLineAsync($"note: the index cannot be opened ({StorageFailure.Describe(e, settings.DataPath)}); working on the store alone, and the index catches up when it next opens.");
            builder.Services.AddIndexOwnedElsewhere();
        }

        try
        {
            using var host = builder.Build();
            await host.Services.GetRequiredService<DigestInitializer>().InitializeAsync(seedSample: false, cancellationToken);
            return await command.RunAsync(arguments, host.Services, output, error, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            // A full disk or a failing file system is the machine's state, not a bug: one line, no stack trace.
            await error.WriteLineAsync($"digest {command.Verb}: cannot use the data directory {settings.DataPath}: {StorageFailure.Describe(e, settings.DataPath)}. Nothing committed before this was lost.");
            return 2;
        }
        finally
        {
            index?.Dispose();
        }
    }

    /// <summary>Says who holds the index, from what the holder recorded, instead of assuming it is the web app.</summary>
    internal static string IndexHolderNote(IndexOwner? owner) => owner switch
    {
        null => "another process holds the index (it did not record which); papers are written to the store and indexed when the index owner catches up (the running app does within seconds).",
        { Arguments.Count: > 0 } when IsVerb([.. owner.Arguments]) =>
            $"another command holds the index: {owner.Describe()}; papers are written to the store and indexed when the app or the next command opens the index.",
        _ => $"the running app owns the index ({owner.Describe()}); papers are written to the store and the app indexes them within seconds.",
    };

    public static string UsageText() =>
        "usage: digest VERB [options]   (no verb: run the web app)\n" + string.Join("\n", CliCommands.All.Select(c => "  " + c.Usage));

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
