namespace Digest.Web.Browsing;

/// <summary>
/// A paper's vote count as <c>_Votes</c> shows it on result lists and the paper page: the one place votes are drawn,
/// so the reader's own vote and an upvote button can be added there alone.
/// </summary>
/// <param name="PaperId">The paper voted on.</param>
/// <param name="Votes">Every vote trending counts: the source's upvotes plus this instance's readers'.</param>
public sealed record VoteView(string PaperId, int Votes);
