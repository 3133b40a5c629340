namespace Digest.Web.CommandLine;

/// <summary>A verb's arguments: positional values, <c>--name value</c> (or <c>--name=value</c>) options and bare <c>--flag</c>s.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArguments(string verb) => Verb = verb;

    public string Verb { get; }

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/> (verb first); every option named in <paramref name="valueOptions"/> takes a value, those in <paramref name="flagOptions"/> none.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string>? flagOptions = null)
    {
        var parsed = new CliArguments(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                parsed.Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            if (flagOptions?.Contains(name) == true)
            {
                if (value is not null) throw new CliUsageException($"--{name} takes no value");
                parsed._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count) throw new CliUsageException($"--{name} needs a value");
                    value = args[++i];
                }
                parsed._options[name] = value;
            }
            else
            {
                throw new CliUsageException($"unknown option --{name}");
            }
        }
        return parsed;
    }

    public string? Option(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => _flags.Contains(name);
}
