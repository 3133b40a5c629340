namespace Digest.Web.Browsing;

/// <summary>
/// What <c>_PaperActions</c> draws for one paper on result lists and the paper page: its votes, and for a signed-in
/// reader the upvote and save buttons with their own state; the one place votes are drawn.
/// </summary>
/// <param name="PaperId">The paper acted on.</param>
/// <param name="Votes">Every vote trending counts: the source's upvotes plus this instance's readers'.</param>
/// <param name="ReturnUrl">The page a form post returns to (the page drawing the buttons).</param>
public sealed record PaperActionsView(string PaperId, int Votes, string ReturnUrl);
