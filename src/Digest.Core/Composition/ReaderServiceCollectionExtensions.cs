using Digest.Core.Readers;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Core.Composition;

public static class ReaderServiceCollectionExtensions
{
    /// <summary>Registers readers' accounts, sign-in links, sessions, votes, reading lists, curation and its audit log.</summary>
    public static IServiceCollection AddDigestReaders(this IServiceCollection services)
    {
        services.AddSingleton<ReaderStore>();
        services.AddSingleton<SignInLinks>();
        services.AddSingleton<ReaderSessions>();
        services.AddSingleton<SavedPapers>();
        services.AddSingleton<CuratorLog>();
        services.AddSingleton<ReaderInvitations>();
        // Both write papers and bring the index along, so both need whoever owns it.
        services.AddSingleton<PaperVotes>();
        services.AddSingleton<PaperCuration>();
        return services;
    }
}
