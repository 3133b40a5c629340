using Digest.Core.Configuration;
using Digest.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Core.Composition;

public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>Registers the subscription store, the link signer (its key in the data directory) and the SMTP sender.</summary>
    public static IServiceCollection AddDigestSubscriptions(this IServiceCollection services)
    {
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton(sp => new SubscriptionTokens(sp.GetRequiredService<IOptions<DigestOptions>>().Value.DataPath));
        services.AddSingleton(sp => new SmtpMailSender(sp.GetRequiredService<IOptions<DigestOptions>>().Value.Email));
        return services;
    }
}
