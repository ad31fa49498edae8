namespace Network.ValueFiles;

/// <summary>How far a value file has been read.</summary>
/// <param name="Rows">Rows read so far (the header not counted).</param>
/// <param name="Total">Rows in the file (the header not counted).</param>
public sealed record ImportProgress(int Rows, int Total);
