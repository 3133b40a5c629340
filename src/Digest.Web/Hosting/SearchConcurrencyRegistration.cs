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
        services.AddSingleton<SearchTimeBudget>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<SearchConcurrencyLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => RefusedSearchResponse.WriteAsync(context.HttpContext, RetryAfter, cancellationToken);
        });
        return services;
    }

    /// <summary>
    /// Admits a search only while its client has search time left (<see cref="SearchTimeBudget"/>) and charges it the
    /// time the search took. Placed after the concurrency limiter, so the time a search waited in its queue is not charged.
    /// </summary>
    public static IApplicationBuilder UseSearchTimeBudget(this IApplicationBuilder app)
    {
        var budget = app.ApplicationServices.GetRequiredService<SearchTimeBudget>();
        if (!budget.Enabled) return app;
        return app.Use(async (context, next) =>
        {
            if (!SearchConcurrencyLimiter.IsSearch(context))
            {
                await next(context);
                return;
            }
            var client = SearchConcurrencyLimiter.ClientKey(context);
            if (!budget.TryAdmit(client, out var retryAfter))
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await RefusedSearchResponse.WriteAsync(context, retryAfter, context.RequestAborted);
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                budget.Charge(client, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
        });
    }
}
