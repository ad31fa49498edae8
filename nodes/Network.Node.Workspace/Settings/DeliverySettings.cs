namespace Network.Node.Workspace.Settings;

/// <summary>
/// How hard the node tries: exponential back-off between attempts (doubling from <see cref="FirstRetrySeconds"/>
/// up to <see cref="MaxRetrySeconds"/>), how long a broker confirm or an HTTP answer may take, and after how long
/// a delivered snapshot with no answer is delivered again (the hub is idempotent, so that is always safe).
/// </summary>
public sealed class DeliverySettings
{
    /// <summary>The wait before the first retry, in seconds.</summary>
    public double FirstRetrySeconds { get; set; } = 1;

    /// <summary>The longest wait between retries, in seconds.</summary>
    public double MaxRetrySeconds { get; set; } = 60;

    /// <summary>How long connecting to the broker may take, in seconds.</summary>
    public double ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>How long the broker's confirm (or the hub's HTTP answer) may take, in seconds.</summary>
    public double SendTimeoutSeconds { get; set; } = 15;

    /// <summary>After how many seconds without an answer a delivered snapshot is delivered again.</summary>
    public double AnswerTimeoutSeconds { get; set; } = 300;

    /// <summary>How often the worker (<c>run</c>) looks for newly published snapshots, in seconds.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failed ones (1-based): doubling, capped.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var seconds = FirstRetrySeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetrySeconds));
    }
}
