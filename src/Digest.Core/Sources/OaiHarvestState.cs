namespace Digest.Core.Sources;

/// <summary>
/// Where an OAI-PMH source's harvesting stands. With a <see cref="ResumptionToken"/> a harvest is in progress: its next
/// page is asked for with that token (or, once the token has expired, the harvest restarts from <see cref="HarvestFrom"/>).
/// Without one the last harvest completed and the next starts from <see cref="NextFrom"/>.
/// </summary>
public sealed record OaiHarvestState(DateOnly? HarvestFrom, string? ResumptionToken, DateOnly? NextFrom, int Pages)
{
    public bool InProgress => ResumptionToken is not null;
}
