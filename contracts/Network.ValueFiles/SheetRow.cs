namespace Network.ValueFiles;

/// <summary>One cell as a file reader found it: its text, and a problem the reader saw in it (an Excel error value,
/// a percentage format) that the text alone does not show.</summary>
internal sealed record SheetCell(string Text, string? Problem = null)
{
    public static SheetCell Empty { get; } = new("");

    public bool IsBlank => Problem is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>One row of a CSV file or worksheet, with its 1-based line (row) number and a problem with the row as a whole.</summary>
internal sealed record SheetRow(int Line, IReadOnlyList<SheetCell> Cells, string? Problem = null)
{
    public SheetCell this[int index] => index < Cells.Count ? Cells[index] : SheetCell.Empty;

    public bool IsBlank => Problem is null && Cells.All(c => c.IsBlank);
}

/// <summary>The rows of a file, or why it could not be read at all.</summary>
internal sealed record SheetContent(IReadOnlyList<SheetRow> Rows, ImportError? Unreadable = null)
{
    public static SheetContent Failed(int line, string message) => new([], new ImportError(line, null, message));
}
