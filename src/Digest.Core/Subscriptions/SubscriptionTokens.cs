using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Digest.Core.Subscriptions;

/// <summary>
/// Signs and checks the tokens in subscription links: <c>{c|m}.{id}.{expires}.{mac}</c>, where <c>expires</c> is Unix
/// seconds (0: never) and <c>mac</c> is HMAC-SHA256 (base64url) over purpose, id, expiry and the subscription's nonce,
/// keyed by 32 random bytes kept in the data directory (<c>subscription-key</c>, mode 0600). Without the key a token
/// cannot be forged, and deleting a subscription (its nonce) kills its links.
/// </summary>
public sealed class SubscriptionTokens
{
    /// <summary>Name of the key file in the data directory.</summary>
    public const string KeyFileName = "subscription-key";

    /// <summary>Longest token read; anything longer is not ours.</summary>
    public const int MaxLength = 120;

    private const int KeyBytes = 32;

    private readonly byte[] _key;

    /// <summary>Loads the key from <paramref name="dataPath"/>, creating it with a CSPRNG on first use.</summary>
    public SubscriptionTokens(string dataPath)
    {
        _key = LoadOrCreateKey(Path.Combine(dataPath, KeyFileName));
    }

    /// <summary>A token for <paramref name="subscription"/>; <paramref name="expires"/> null never expires.</summary>
    public string Create(TokenPurpose purpose, Subscription subscription, DateTimeOffset? expires)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{Letter(purpose)}.{subscription.Id}.{expires?.ToUnixTimeSeconds() ?? 0}");
        return body + "." + WebEncoders.Base64UrlEncode(Mac(body, subscription.Nonce));
    }

    /// <summary>The subscription id a well-formed token of <paramref name="purpose"/> names; says nothing about its validity.</summary>
    public static long? ReadId(string? token, TokenPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength) return null;
        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Letter(purpose)) return null;
        return long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    /// <summary>True when <paramref name="token"/> was signed for <paramref name="subscription"/> and <paramref name="purpose"/> and has not expired.</summary>
    public bool IsValid(string? token, TokenPurpose purpose, Subscription subscription, DateTimeOffset now)
    {
        if (ReadId(token, purpose) != subscription.Id) return false;
        var parts = token!.Split('.');
        if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)) return false;
        byte[] mac;
        try
        {
            mac = WebEncoders.Base64UrlDecode(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = Mac(string.Join('.', parts[0], parts[1], parts[2]), subscription.Nonce);
        if (!CryptographicOperations.FixedTimeEquals(mac, expected)) return false;
        return expires == 0 || now.ToUnixTimeSeconds() < expires;
    }

    private byte[] Mac(string body, string nonce) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("digest-subscription-v1\n" + body + "\n" + nonce));

    private static string Letter(TokenPurpose purpose) => purpose == TokenPurpose.Confirm ? "c" : "m";

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path)) return ReadKey(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            // CreateNew: when the app and a CLI verb start together, one writes the key and the other reads it.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(path + ".tmp-" + Environment.ProcessId, options))
            {
                file.Write(key);
                file.Flush(flushToDisk: true);
            }
            // A rename is atomic: no reader ever sees a half-written key.
            File.Move(path + ".tmp-" + Environment.ProcessId, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(path + ".tmp-" + Environment.ProcessId);
            return ReadKey(path);
        }
    }

    private static byte[] ReadKey(string path)
    {
        var key = File.ReadAllBytes(path);
        if (key.Length != KeyBytes) throw new InvalidDataException($"The subscription key {path} is not {KeyBytes} bytes; delete it to make a new one (links in mails already sent stop working).");
        return key;
    }
}
