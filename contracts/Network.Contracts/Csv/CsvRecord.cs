namespace Network.Contracts.Csv;

/// <summary>One CSV record as read, with the line it starts on, for messages that point at the line.</summary>
/// <param name="Line">The 1-based line the record starts on (a quoted field may span lines).</param>
/// <param name="Fields">The fields, unquoted; not trimmed. An empty line is one empty field.</param>
/// <param name="Fault">How the record breaks the quoting rules, or <see langword="null"/> when it keeps them.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, CsvFault? Fault = null)
{
    /// <summary>Whether the record keeps the quoting rules and every field is empty or white space.</summary>
    public bool IsBlank => Fault is null && Fields.All(string.IsNullOrWhiteSpace);
}
