using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Digest.Core.Readers;

/// <summary>
/// Random secrets handed to a browser (session ids) or mailed (sign-in links): 32 bytes from the CSPRNG, base64url.
/// The store keeps only their SHA-256, so reading the database (a backup, a leak) gives no working cookie or link;
/// a hash lookup is also constant in time with respect to the secret's content.
/// </summary>
public static class SecretToken
{
    /// <summary>Length of every token this type makes (43 characters).</summary>
    public const int Length = 43;

    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The hash to store or look up, or null for text that cannot be one of our tokens (so it is never looked up).</summary>
    public static byte[]? Hash(string? token)
    {
        if (token is null || token.Length != Length) return null;
        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        }
        return SHA256.HashData(Encoding.ASCII.GetBytes(token));
    }
}
