namespace Digest.Core.Configuration;

/// <summary>Who may ask for a sign-in link (<c>Digest:Community:SignUp</c>).</summary>
public enum SignUpMode
{
    /// <summary>Only addresses an admin invited (<c>users invite</c>) get links; the default.</summary>
    Invite,

    /// <summary>Anyone can ask for a link; an unknown address becomes a reader when its link is used.</summary>
    Open,
}
