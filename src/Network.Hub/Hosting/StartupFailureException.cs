namespace Network.Hub.Hosting;

/// <summary>
/// The hub cannot start as it is set up, and the operator can fix it: the message is one sentence naming the file or
/// setting and what to do. <c>Program</c> prints that sentence alone (no stack trace) and exits with
/// <see cref="ExitCode"/>. An <see cref="InvalidOperationException"/>, so callers that expect one for a bad setting
/// still catch it.
/// </summary>
public sealed class StartupFailureException : InvalidOperationException
{
    /// <summary>The process exit code for a start-up failure: 2 (1 is left to the runtime's own failures).</summary>
    public const int ExitCode = 2;

    /// <summary>Creates the exception.</summary>
    public StartupFailureException()
    {
    }

    /// <summary>Creates the exception with the sentence to print.</summary>
    public StartupFailureException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the sentence to print and its cause.</summary>
    public StartupFailureException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
