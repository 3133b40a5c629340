namespace Digest.Web.CommandLine;

/// <summary>Every CLI verb of the app binary.</summary>
public static class CliCommands
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new IngestCommand(),
        new ReindexCommand(),
        new ExportCommand(),
        new StatsCommand(),
        new TopicsCommand(),
        new FetchCommand(),
        new SubscriptionsCommand(),
        new UsersCommand(),
        new BackupCommand(),
        new RestoreCommand(),
        new HealthcheckCommand(),
    ];

    public static ICliCommand? Find(string verb) => All.FirstOrDefault(c => c.Verb == verb);
}
