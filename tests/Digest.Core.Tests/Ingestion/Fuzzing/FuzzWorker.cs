namespace Digest.Core.Tests.Ingestion.Fuzzing;

/// <summary>
/// One dedicated thread that runs fuzz cases, so that the wait for a case is a wait for that case alone. A case on the
/// thread pool (Task.Run) waited behind the suite's other tests when they kept every pool thread busy: 2 KB inputs then
/// "hung" for 5 s in the full suite while each parsed in microseconds. A case that really hangs keeps this thread; the
/// worker is then abandoned (it is a background thread) and the drill fails on that case.
/// </summary>
internal sealed class FuzzWorker : IDisposable
{
    private readonly System.Collections.Concurrent.BlockingCollection<Action> _cases = new(boundedCapacity: 1);
    private readonly Thread _thread;

    public FuzzWorker()
    {
        _thread = new Thread(() =>
        {
            foreach (var work in _cases.GetConsumingEnumerable()) work();
        })
        { IsBackground = true, Name = "fuzz case" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the worker; false when it has not finished within <paramref name="limit"/>.</summary>
    public bool TryRun<T>(Func<T> work, TimeSpan limit, out T? result)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _cases.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        if (!done.Task.Wait(limit))
        {
            result = default;
            return false;
        }
        result = done.Task.Result;
        return true;
    }

    public void Dispose() => _cases.CompleteAdding();
}
