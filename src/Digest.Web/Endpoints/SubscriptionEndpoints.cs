using Digest.Core.Subscriptions;
using Digest.Web.Subscriptions;

namespace Digest.Web.Endpoints;

/// <summary>
/// The RFC 8058 one-click unsubscribe named in every digest's <c>List-Unsubscribe</c> header. Mail clients POST
/// <c>List-Unsubscribe=One-Click</c> without cookies, so there is no antiforgery token and no sign-in: the signed token
/// in the URL is the authority. A GET (a scanner, a client without RFC 8058) only leads to the confirmation page.
/// </summary>
public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SubscriptionLinks.OneClickPath, async (HttpContext context, SubscriptionService subscriptions, SubscriptionStore store, CancellationToken cancellationToken) =>
        {
            if (!subscriptions.AllowLinkRequest(ClientIp.Of(context))) return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            string? token = context.Request.Query["token"];
            if (await subscriptions.FindByTokenAsync(token, TokenPurpose.Manage, cancellationToken) is not { } subscription)
            {
                return Results.Text("This unsubscribe link is not valid (mistyped, or already unsubscribed).\n", statusCode: StatusCodes.Status400BadRequest);
            }
            await store.DeleteAsync(subscription.Id, cancellationToken);
            return Results.Text("Unsubscribed.\n");
        }).DisableAntiforgery();

        endpoints.MapGet(SubscriptionLinks.OneClickPath, (HttpContext context) =>
        {
            // Only our own page, with the token escaped: nothing from the request decides where this goes.
            string token = context.Request.Query["token"].ToString();
            return token.Length is > 0 and <= SubscriptionTokens.MaxLength
                ? Results.Redirect(SubscriptionLinks.WithToken(SubscriptionLinks.UnsubscribePath, token))
                : Results.Redirect(SubscriptionLinks.UnsubscribePath);
        });
        return endpoints;
    }
}
