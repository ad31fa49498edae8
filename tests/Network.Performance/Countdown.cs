namespace Network.Performance;

/// <summary>Counts arrivals (answers, consumed messages) and completes when the expected number has arrived.</summary>
public sealed class Countdown
{
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected = int.MaxValue;
    private int _arrived;

    /// <summary>How many have arrived since the last <see cref="Expect"/>.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    /// <summary>Starts counting from zero; the task completes when <paramref name="count"/> have arrived.</summary>
    public Task Expect(int count)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _arrived, 0);
        Volatile.Write(ref _expected, count);
        return _done.Task;
    }

    /// <summary>Records <paramref name="count"/> arrivals.</summary>
    public void Signal(int count = 1)
    {
        if (Interlocked.Add(ref _arrived, count) >= Volatile.Read(ref _expected))
        {
            _done.TrySetResult();
        }
    }

    /// <summary>Waits for what <see cref="Expect"/> asked for, failing after <paramref name="limit"/>.</summary>
    public static async Task WaitAsync(Task done, Countdown countdown, int expected, TimeSpan limit, string what)
    {
        if (await Task.WhenAny(done, Task.Delay(limit)) != done)
        {
            throw new TimeoutException($"Only {countdown.Arrived} of {expected} {what} within {limit.TotalSeconds:0} s.");
        }
    }
}
