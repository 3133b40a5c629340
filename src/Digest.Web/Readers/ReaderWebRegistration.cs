using Microsoft.AspNetCore.Authentication;

namespace Digest.Web.Readers;

public static class ReaderWebRegistration
{
    /// <summary>Registers the session authentication, the reader and curator policies, sign-in and the per-request reader marks.</summary>
    public static IServiceCollection AddDigestReaderAccess(this IServiceCollection services)
    {
        services.AddSingleton<ReaderCookie>();
        services.AddSingleton<SignInMailComposer>();
        services.AddSingleton<SignInService>();
        services.AddScoped<ReaderPaperMarks>();
        services.AddAuthentication(ReaderSessionHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ReaderSessionHandler>(ReaderSessionHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicies.Reader, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(ReaderPolicies.Curator, policy => policy.RequireAuthenticatedUser().RequireRole(ReaderClaims.AdminRole));
        return services;
    }
}
