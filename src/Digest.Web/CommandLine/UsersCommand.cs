using System.Globalization;
using Digest.Core.Configuration;
using Digest.Core.Readers;
using Digest.Core.Subscriptions;
using Digest.Core.Text;
using Digest.Web.Readers;
using Microsoft.Extensions.Options;

namespace Digest.Web.CommandLine;

/// <summary>
/// <c>users invite EMAIL [--admin] | list | disable EMAIL | enable EMAIL | signout EMAIL</c>. Invite prints a one-time
/// sign-in link (and mails it when mail is set up), so the first admin of a fresh container is one
/// <c>docker exec digest digest users invite you@lab.org --admin</c> away.
/// </summary>
public sealed class UsersCommand : ICliCommand
{
    /// <summary>What the printed link starts with when Digest:PublicBaseUrl is unset: the container's published port.</summary>
    public const string DefaultBaseUrl = "http://localhost:8080";

    private const long CliCurator = CuratorLog.CommandLineCurator;

    public string Verb => "users";

    public string Usage => "users invite EMAIL [--admin] | list | disable EMAIL | enable EMAIL | signout EMAIL   (readers: print a sign-in link, list, disable, sign out everywhere)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public IReadOnlySet<string> FlagOptions { get; } = new HashSet<string> { "admin" };

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var readers = services.GetRequiredService<ReaderStore>();
        var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        if (arguments.Flag("admin") && arguments.Positional is not ["invite", _]) throw new CliUsageException("--admin goes with invite");
        switch (arguments.Positional)
        {
            case ["invite", var text]:
            {
                var address = Address(text);
                var (reader, token, lifetime) = await services.GetRequiredService<ReaderInvitations>().InviteAsync(address, arguments.Flag("admin"), CliCurator, cancellationToken);
                var link = SignInPaths.LinkUrl(options.PublicBaseUrl ?? DefaultBaseUrl, token);
                await output.WriteLineAsync($"{address} is {(reader.IsAdmin ? "an admin" : "a reader")}{(reader.IsDisabled ? " (disabled: enable first)" : "")}. Sign-in link (works once, for {lifetime.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} hours):");
                await output.WriteLineAsync(link);
                if (options.Email.Enabled)
                {
                    var sender = services.GetRequiredService<SmtpMailSender>();
                    await sender.SendAsync(new SignInMailComposer(sender, services.GetRequiredService<IOptions<DigestOptions>>()).SignIn(address, token, lifetime), cancellationToken);
                    await output.WriteLineAsync($"The link was also mailed to {address}.");
                }
                return 0;
            }
            case ["list"]:
                var all = await readers.ListAsync(int.MaxValue, cancellationToken);
                foreach (var r in all)
                {
                    await output.WriteLineAsync($"{r.Email}  {(r.IsAdmin ? "admin" : "reader")}  {(r.IsDisabled ? "disabled" : "active")}  last sign-in {r.LastSignedIn?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "never"}");
                }
                await output.WriteLineAsync(CountPhrase.Of(all.Count, "reader"));
                return 0;
            case [var action and ("disable" or "enable"), var text]:
            {
                var reader = await Find(readers, text, cancellationToken);
                await services.GetRequiredService<PaperCuration>().SetDisabledAsync(CliCurator, reader.Id, action == "disable", cancellationToken);
                await output.WriteLineAsync($"{reader.Email} {action}d{(action == "disable" ? ": signed out everywhere, and their votes no longer count" : "")}");
                return 0;
            }
            case ["signout", var text]:
            {
                var reader = await Find(readers, text, cancellationToken);
                var ended = await services.GetRequiredService<ReaderSessions>().DeleteAllAsync(reader.Id, cancellationToken);
                await output.WriteLineAsync($"{reader.Email} signed out everywhere ({CountPhrase.Of(ended, "session")} ended)");
                return 0;
            }
            default:
                throw new CliUsageException("say invite EMAIL [--admin], list, disable EMAIL, enable EMAIL or signout EMAIL");
        }
    }

    private static string Address(string text) => EmailAddress.Normalize(text) ?? throw new CliUsageException($"'{text}' is not an email address");

    private static async Task<Reader> Find(ReaderStore readers, string text, CancellationToken cancellationToken) =>
        await readers.FindAsync(Address(text), cancellationToken) ?? throw new CliUsageException($"no reader has the address {Address(text)}");
}
