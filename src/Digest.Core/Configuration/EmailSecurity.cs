namespace Digest.Core.Configuration;

/// <summary>How the SMTP connection is protected (<c>Digest:Email:Security</c>).</summary>
public enum EmailSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same host or a private network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, usually port 587; the upgrade is required, never skipped.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS), usually port 465.</summary>
    Tls,
}
