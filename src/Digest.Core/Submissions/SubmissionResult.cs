namespace Digest.Core.Submissions;

/// <summary>How a submission ended; <see cref="SubmissionOutcome.Message"/> says it in words a reader understands.</summary>
public enum SubmissionResult
{
    /// <summary>The paper was fetched, stored and put on the day's digest.</summary>
    Added,

    /// <summary>The text is not an arXiv id or arxiv.org link.</summary>
    InvalidId,

    /// <summary>Someone (maybe the same reader) already submitted the paper for this day.</summary>
    AlreadySubmitted,

    /// <summary>The paper is on this day's digest already, from a source (not a submission): nothing to add.</summary>
    AlreadyInDigest,

    /// <summary>A curator took the paper off this day; it is not put back the same day.</summary>
    RemovedByCurator,

    /// <summary>arXiv answered, and has no paper with this id.</summary>
    NotFound,

    /// <summary>arXiv could not be reached or kept failing; trying again later may work.</summary>
    Unreachable,

    /// <summary>arXiv's entry could not be stored (it failed validation, or the disk is full).</summary>
    NotStored,
}
