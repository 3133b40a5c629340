using Digest.Core.Configuration;
using Digest.Core.Subscriptions;
using Digest.Web.Browsing;
using Microsoft.Extensions.Options;

namespace Digest.Web.Subscriptions;

/// <summary>
/// Paths of the subscription pages, and absolute links for mail. Mail links always start at
/// <c>Digest:PublicBaseUrl</c> (required with email), never at a request's Host header, which anyone can set.
/// </summary>
public sealed class SubscriptionLinks(IOptions<DigestOptions> options, SubscriptionTokens tokens, TimeProvider timeProvider)
{
    public const string ConfirmPath = "/subscriptions/confirm";
    public const string ManagePath = "/subscriptions/manage";
    public const string UnsubscribePath = "/subscriptions/unsubscribe";

    /// <summary>The RFC 8058 one-click target named in <c>List-Unsubscribe</c>: POST unsubscribes, GET only shows the confirmation page.</summary>
    public const string OneClickPath = "/subscriptions/one-click";

    private readonly string _base = (options.Value.PublicBaseUrl ?? "http://localhost").TrimEnd('/');
    private readonly TimeSpan _confirmationLifetime = options.Value.Email.ConfirmationLifetime;

    /// <summary>The host name of the public address, for Message-IDs.</summary>
    public string Host => new Uri(_base).Host;

    public static string WithToken(string path, string token) => path + "?token=" + Uri.EscapeDataString(token);

    public string ConfirmToken(Subscription subscription) =>
        tokens.Create(TokenPurpose.Confirm, subscription, timeProvider.GetUtcNow() + _confirmationLifetime);

    public string ManageToken(Subscription subscription) => tokens.Create(TokenPurpose.Manage, subscription, expires: null);

    public string Confirm(Subscription subscription) => Absolute(WithToken(ConfirmPath, ConfirmToken(subscription)));

    public string Manage(Subscription subscription) => Absolute(WithToken(ManagePath, ManageToken(subscription)));

    public string Unsubscribe(Subscription subscription) => Absolute(WithToken(UnsubscribePath, ManageToken(subscription)));

    public string OneClick(Subscription subscription) => Absolute(WithToken(OneClickPath, ManageToken(subscription)));

    public string View(Subscription subscription) => Absolute(subscription.View);

    public string Paper(string id) => Absolute(PaperUrls.For(id));

    private string Absolute(string path) => _base + path;
}
