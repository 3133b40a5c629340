using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;

namespace Digest.Web.Hosting;

/// <summary>Registers <see cref="SearchConcurrencyLimiter"/> with ASP.NET Core's rate limiting middleware.</summary>
public static class SearchConcurrencyRegistration
{
    /// <summary>What a refused client is told to wait: a search takes milliseconds, so one second is plenty.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public static IServiceCollection AddSearchConcurrencyLimit(this IServiceCollection services)
    {
        services.AddSingleton<SearchConcurrencyLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<SearchConcurrencyLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.Limiter;
            // An empty 429: the status-code pages turn it into the friendly page or problem JSON (see ErrorModel).
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
