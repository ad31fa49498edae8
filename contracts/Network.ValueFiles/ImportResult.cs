using Network.Contracts.Snapshots;

namespace Network.ValueFiles;

/// <summary>
/// What a value file holds: either its values, or every problem found in it. When any row fails, nothing is
/// imported: <see cref="Values"/> is empty and <see cref="Errors"/> lists every problem, in file order.
/// </summary>
/// <param name="Values">The values, in file order; empty when there are errors.</param>
/// <param name="Errors">Every problem, by line; empty when the file imported.</param>
public sealed record ImportResult(IReadOnlyList<KpiValue> Values, IReadOnlyList<ImportError> Errors)
{
    /// <summary>Whether the file imported without errors.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>A file that could not be read at all, for one reason.</summary>
    internal static ImportResult Failed(int line, string? column, string message) => new([], [new ImportError(line, column, message)]);
}
