using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Subscriptions;
using Digest.Core.Text;
using Digest.Web.Subscriptions;
using Microsoft.Extensions.Options;

namespace Digest.Web.CommandLine;

/// <summary><c>subscriptions list | send-now | remove ADDRESS</c>: the email digest subscriptions of this instance.</summary>
public sealed class SubscriptionsCommand : ICliCommand
{
    public string Verb => "subscriptions";

    public string Usage => "subscriptions list | send-now | remove ADDRESS   (email digests: list them, send the due ones now, delete an address's)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<SubscriptionStore>();
        switch (arguments.Positional)
        {
            case ["list"]:
                var all = await store.ListAsync(cancellationToken);
                foreach (var s in all)
                {
                    var failing = s.Failures > 0 ? $", failing ({s.Failures}x, retry {Time(s.RetryAt)}): {s.LastError}" : "";
                    await output.WriteLineAsync($"{s.Email}  {s.Status.ToString().ToLowerInvariant()}  {s.Frequency.ToString().ToLowerInvariant()}  {s.View}  last sent {Time(s.LastSentAt)}{failing}");
                }
                await output.WriteLineAsync(CountPhrase.Of(all.Count, "subscription"));
                return 0;

            case ["send-now"]:
                if (!services.GetRequiredService<IOptions<DigestOptions>>().Value.Email.Enabled)
                {
                    await error.WriteLineAsync("Email is not set up: set Digest:Email:SmtpHost (Digest__Email__SmtpHost) and the other Digest:Email settings.");
                    return 2;
                }
                if (!services.GetRequiredService<IIndexOwnership>().OwnsIndex)
                {
                    // Digests are found by searching, and the running app holds the index; it sends at SendAt itself.
                    await error.WriteLineAsync("The running app owns the search index and sends the due digests itself (at Digest:Email:SendAt, and at every start); stop it to send from here.");
                    return 2;
                }
                var report = await services.GetRequiredService<DigestMailRunner>().RunDueAsync(cancellationToken);
                await output.WriteLineAsync($"{report.Due} due: {report.Sent} sent, {report.NothingNew} with nothing new, {report.Failed} failed (retried with backoff), {report.Skipped} held by another sender");
                foreach (var line in report.Errors) await output.WriteLineAsync("  failed: " + line);
                return report.Failed == 0 ? 0 : report.Failed == report.Due ? 2 : 1;

            case ["remove", var text]:
                if (EmailAddress.Normalize(text) is not { } address) throw new CliUsageException($"'{text}' is not an email address");
                var removed = await store.DeleteByEmailAsync(address, cancellationToken);
                await output.WriteLineAsync($"{CountPhrase.Of(removed, "subscription")} of {address} removed");
                return 0;

            default:
                throw new CliUsageException("say list, send-now or remove ADDRESS");
        }
    }

    private static string Time(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
}
