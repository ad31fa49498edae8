namespace Network.Node.Cli;

/// <summary>Where a command writes: its results to <see cref="Out"/>, errors to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record Terminal(TextWriter Out, TextWriter Error)
{
    /// <summary>Writes an error sentence to standard error, as <c>error: ...</c>.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
