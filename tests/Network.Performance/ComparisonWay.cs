namespace Network.Performance;

/// <summary>One way of getting the answer to a <see cref="ComparisonQuery"/>: the direct database query or an API.</summary>
public interface IComparisonWay
{
    /// <summary>The way's name in the results table.</summary>
    string Name { get; }

    /// <summary>
    /// Gets the comparison once, the way it is timed: as a client gets it, checked only as far as a client must
    /// (the status, GraphQL's <c>errors</c>) and not parsed further. Throws on any error.
    /// </summary>
    Task FetchAsync(CancellationToken cancellationToken);

    /// <summary>Gets the comparison once and reads every reported value, by cell: to check that the ways agree.</summary>
    Task<IReadOnlyDictionary<ComparisonCellKey, double>> ReadValuesAsync(CancellationToken cancellationToken);
}
