using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Digest.Core.Configuration;

/// <summary>
/// Catches <c>Digest:Sources</c> entries the configuration binder could not read. The binder silently drops a list
/// item with an unconvertible value (a misspelt <c>Kind</c>, a malformed <c>Interval</c>), which would leave a source
/// unfetched without a word; this binds each entry on its own and names the value that failed.
/// </summary>
public sealed class SourceConfigurationValidator(IConfiguration configuration) : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        foreach (var entry in configuration.GetSection($"{DigestOptions.SectionName}:{nameof(DigestOptions.Sources)}").GetChildren())
        {
            try
            {
                entry.Get<RemoteSourceOptions>();
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"{entry.Path} ({entry.Path.Replace(":", "__", StringComparison.Ordinal)}) cannot be read: {e.Message} "
                    + $"Kind is one of {string.Join(", ", Enum.GetNames<RemoteSourceKind>())}; Interval looks like 06:00:00, DailyAt like 07:30.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
