using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Network.Hub.OData;

/// <summary>
/// What a feed request will cost, estimated from its parsed options before anything runs: the rows it returns (one
/// page, or <c>$top</c> when smaller), each expanded row counted too (a snapshot's values, a page of them per
/// snapshot), and whether it needs the benchmarking engine or aggregates (<c>$apply</c> reads every row it groups).
/// </summary>
/// <param name="Rows">The most rows the response can hold, expanded ones included.</param>
/// <param name="Engine">Whether the response carries engine columns (the engine is loaded and run for it).</param>
/// <param name="Aggregates">Whether the request has <c>$apply</c>.</param>
public readonly record struct FeedCost(long Rows, bool Engine, bool Aggregates)
{
    /// <summary>Whether the request must take a slot of the costly-work gate: it is large, runs the engine or aggregates.</summary>
    public bool IsCostly(int costlyRows) => Engine || Aggregates || Rows >= costlyRows;

    /// <summary>
    /// Estimates the cost of <paramref name="options"/> answered <paramref name="pageSize"/> rows per page and
    /// <paramref name="expandedPageSize"/> rows per expanded collection.
    /// </summary>
    public static FeedCost Of(ODataQueryOptions options, int pageSize, int expandedPageSize, bool engine)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Request.IsCountRequest())
        {
            return new FeedCost(1, Engine: false, Aggregates: false);
        }

        // One entity by key (Snapshots(...)) is one row; a collection is a page, or $top when smaller.
        long rows = options.Request.ODataFeature().Path?.LastSegment is KeySegment ? 1 : Math.Min(options.Top?.Value ?? long.MaxValue, pageSize);
        var expanded = options.SelectExpand?.SelectExpandClause is { } clause ? rows * ExpandedPerRow(clause, expandedPageSize) : 0;
        return new FeedCost(rows + expanded, engine, options.Apply is not null);
    }

    // Rows expanded below one row of a level: a collection's page (or its $top), a single navigation one row, and
    // what each of those expands in turn.
    private static long ExpandedPerRow(SelectExpandClause clause, int pageSize)
    {
        long total = 0;
        foreach (var item in clause.SelectedItems.OfType<ExpandedNavigationSelectItem>())
        {
            var collection = item.PathToNavigationProperty.LastSegment is NavigationPropertySegment s && s.NavigationProperty.Type.IsCollection();
            long each = collection ? Math.Min(item.TopOption ?? long.MaxValue, pageSize) : 1;
            total += each * (1 + (item.SelectAndExpand is { } nested ? ExpandedPerRow(nested, pageSize) : 0));
        }

        return total;
    }
}
