namespace Digest.Benchmarks;

/// <summary>How the flood's requests were answered, counted from several connections at once.</summary>
internal sealed class FloodCounts
{
    private readonly Dictionary<int, int> _byStatus = [];
    private int _timeouts;
    private int _errors;

    public void Add(int status)
    {
        lock (_byStatus) _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
    }

    public void AddTimeout() => Interlocked.Increment(ref _timeouts);

    public void AddError() => Interlocked.Increment(ref _errors);

    public override string ToString()
    {
        lock (_byStatus)
        {
            var statuses = string.Join(", ", _byStatus.OrderBy(p => p.Key).Select(p => $"{p.Value} × {p.Key}"));
            return $"{(statuses.Length == 0 ? "none" : statuses)}; {_timeouts} timed out (10 s); {_errors} connection errors";
        }
    }
}
