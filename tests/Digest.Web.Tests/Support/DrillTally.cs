namespace Digest.Web.Tests.Support;

/// <summary>The figures of one kill drill scenario, summed over its runs.</summary>
public sealed class DrillTally(string scenario)
{
    public int Runs { get; private set; }

    /// <summary>Kills delivered to a running process (a process that had already finished is not a kill).</summary>
    public int Kills { get; private set; }

    /// <summary>Kills that landed with at least one batch stored and the ingest not yet complete.</summary>
    public int KillsMidIngest { get; private set; }

    public int PapersLost { get; private set; }

    public void Record(bool killed, int storedAtKill, int filePapers, RecoveryFigures figures)
    {
        Runs++;
        if (killed) Kills++;
        if (killed && storedAtKill > 0 && storedAtKill < filePapers) KillsMidIngest++;
        PapersLost += figures.PapersLost;
    }

    public override string ToString() =>
        $"{scenario}: runs {Runs}, kills injected {Kills} ({KillsMidIngest} with at least one batch stored and the ingest unfinished), papers lost {PapersLost}";
}
