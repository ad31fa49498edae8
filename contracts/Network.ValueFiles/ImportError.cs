namespace Network.ValueFiles;

/// <summary>
/// One problem in a value file, as a sentence a city analyst can act on.
/// </summary>
/// <param name="Line">The 1-based line (CSV) or row (XLSX) in the file, the header being line 1; 0 for a problem
/// with the file as a whole or with the snapshot it would make (the period, the city), not with one row.</param>
/// <param name="Column">The column the problem is in (<c>kpi</c>, <c>value</c>, <c>unit</c>, ...), or
/// <see langword="null"/> when it concerns the whole line or file.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ImportError(int Line, string? Column, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        (Line, Column) switch
        {
            (0, null) => Message,
            (0, { } column) => $"{column}: {Message}",
            (_, null) => $"line {Line}: {Message}",
            _ => $"line {Line}, {Column}: {Message}",
        };
}
