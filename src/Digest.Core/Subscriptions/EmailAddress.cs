using System.Text.RegularExpressions;

namespace Digest.Core.Subscriptions;

/// <summary>
/// Accepts the plain addresses people type (<c>name@example.org</c>) and nothing that could smuggle a header or a
/// second recipient: no spaces, no control characters (CR, LF), no quotes, no display names, no comments.
/// </summary>
public static partial class EmailAddress
{
    /// <summary>Longest address accepted (RFC 5321's path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>The address trimmed and lower-cased, or null when it is not a plain address.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength + 10) return null;
        var address = text.Trim().ToLowerInvariant();
        if (address.Length > MaxLength || !Plain().IsMatch(address)) return null;
        return address.IndexOf('@') <= 64 ? address : null;
    }

    // The dot-atom local part of RFC 5322 and an LDH host name with at least one dot; ASCII only.
    [GeneratedRegex("^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
