namespace Network.Benchmarking.Targets;

/// <summary>One reason a target-set file was refused.</summary>
/// <param name="Line">The line of the file, 1 being the header; for a row spanning lines, the line it starts on.</param>
/// <param name="Column">The column concerned (<c>kpi</c>, <c>dataPoint</c>, <c>target</c>, <c>source</c>), or
/// <see langword="null"/> when the error concerns the whole line or file.</param>
/// <param name="Reason">Which rule was broken.</param>
/// <param name="Message">A sentence a network coordinator can act on.</param>
public sealed record TargetSetError(int Line, string? Column, TargetSetErrorReason Reason, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Column is null ? $"line {Line}: {Message} ({Reason})" : $"line {Line}, {Column}: {Message} ({Reason})";
}
