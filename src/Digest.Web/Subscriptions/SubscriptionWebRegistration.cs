namespace Digest.Web.Subscriptions;

public static class SubscriptionWebRegistration
{
    /// <summary>Registers what email digests need beyond Core's store and sender: links, mails, the runner, the subscribe flow and its limiter.</summary>
    public static IServiceCollection AddDigestEmail(this IServiceCollection services)
    {
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<DigestMailComposer>();
        services.AddSingleton<DigestMailRunner>();
        services.AddSingleton<FixedWindowLimiter>();
        services.AddSingleton<SubscriptionMailQueue>();
        services.AddSingleton<SubscriptionService>();
        return services;
    }
}
