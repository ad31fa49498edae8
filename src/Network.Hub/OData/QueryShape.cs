using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Network.Hub.OData;

/// <summary>
/// What a parsed request touches, read from its syntax trees before anything runs: whether the engine columns
/// are returned (so the engine must be loaded), whether a snapshot's values are expanded, and whether an engine
/// column is used where only the database could evaluate it.
/// </summary>
public static class QueryShape
{
    /// <summary>
    /// The engine column used in <c>$filter</c>, <c>$orderby</c> or <c>$apply</c>, with the option's name; null when
    /// there is none. Such a request cannot run in the database (the engine computes those columns after it).
    /// </summary>
    public static (string Column, string Option)? EngineColumnInDatabasePart(ODataQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Filter?.FilterClause is { } filter && Find(filter.Expression) is { } inFilter)
        {
            return (inFilter, "$filter");
        }

        for (var orderBy = options.OrderBy?.OrderByClause; orderBy is not null; orderBy = orderBy.ThenBy)
        {
            if (Find(orderBy.Expression) is { } inOrderBy)
            {
                return (inOrderBy, "$orderby");
            }
        }

        if (options.Apply?.ApplyClause is { } apply && apply.Transformations.Select(Find).FirstOrDefault(c => c is not null) is { } inApply)
        {
            return (inApply, "$apply");
        }

        return null;
    }

    /// <summary>Whether the response can contain an engine column: some level of type <c>KpiValue</c> is returned with all, or some engine, properties.</summary>
    public static bool ReturnsEngineColumns(ODataQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Apply is not null || options.Request.IsCountRequest())
        {
            return false;
        }

        var clause = options.SelectExpand?.SelectExpandClause;
        return IsValue(options.Context.ElementType) ? Returns(clause) : clause is not null && ExpandedValueLevels(clause).Any(Returns);
    }

    /// <summary>Whether the request uses a snapshot's values: <c>$expand=Values</c>, or <c>Values/any(...)</c> in <c>$filter</c> or <c>$orderby</c>.</summary>
    public static bool UsesSnapshotValues(ODataQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ExpandsSnapshotValues(options))
        {
            return true;
        }

        if (options.Filter?.FilterClause is { } filter && Find(filter.Expression, SnapshotValues) is not null)
        {
            return true;
        }

        for (var orderBy = options.OrderBy?.OrderByClause; orderBy is not null; orderBy = orderBy.ThenBy)
        {
            if (Find(orderBy.Expression, SnapshotValues) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <c>$expand</c> asks for a snapshot's values: the response then pages by the smaller <see cref="FeedOptions.ExpandedPageSize"/>.</summary>
    public static bool ExpandsSnapshotValues(ODataQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SelectExpand?.SelectExpandClause is { } clause && Expansions(clause).Any(e => Name(e) == nameof(SnapshotRow.Values));
    }

    /// <summary>
    /// Whether <c>$expand</c> asks for a snapshot's values anywhere but directly below <c>Snapshots</c>, or expands
    /// further from them (<c>KpiValues?$expand=Snapshot($expand=Values)</c>, <c>Snapshots?$expand=Values($expand=Kpi)</c>):
    /// EF Core cannot order such a nested collection in SQL, so the feed refuses it rather than fail.
    /// </summary>
    public static bool ExpandsBeyondSnapshotValues(ODataQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SelectExpand?.SelectExpandClause is not { } clause)
        {
            return false;
        }

        var top = clause.SelectedItems.OfType<ExpandedNavigationSelectItem>().ToArray();
        return top.Any(e => Name(e) == nameof(SnapshotRow.Values) && e.SelectAndExpand?.SelectedItems.OfType<ExpandedNavigationSelectItem>().Any() == true)
               || top.Any(e => e.SelectAndExpand is { } nested && Expansions(nested).Any(n => Name(n) == nameof(SnapshotRow.Values)));
    }

    private static bool Returns(SelectExpandClause? level) =>
        level is null || level.AllSelected
        || level.SelectedItems.OfType<WildcardSelectItem>().Any()
        || level.SelectedItems.OfType<PathSelectItem>().Any(p => p.SelectedPath.LastSegment is PropertySegment s && EngineColumns.Names.Contains(s.Property.Name));

    // The select-expand clauses of every expanded level whose type is KpiValue.
    private static IEnumerable<SelectExpandClause> ExpandedValueLevels(SelectExpandClause clause) =>
        Expansions(clause).Where(e => IsValue(e.NavigationSource?.EntityType)).Select(e => e.SelectAndExpand);

    private static IEnumerable<ExpandedNavigationSelectItem> Expansions(SelectExpandClause clause)
    {
        foreach (var expanded in clause.SelectedItems.OfType<ExpandedNavigationSelectItem>())
        {
            yield return expanded;
            if (expanded.SelectAndExpand is { } nested)
            {
                foreach (var deeper in Expansions(nested))
                {
                    yield return deeper;
                }
            }
        }
    }

    private static string? Name(ExpandedNavigationSelectItem item) =>
        (item.PathToNavigationProperty.LastSegment as NavigationPropertySegment)?.NavigationProperty.Name;

    private static bool IsValue(IEdmType? type) => type is IEdmEntityType { Name: "KpiValue", Namespace: FeedModel.Namespace };

    private static string? Find(TransformationNode transformation) => Find(transformation, EngineColumn);

    private static string? Find(QueryNode? node) => Find(node, EngineColumn);

    private static string? EngineColumn(QueryNode node) =>
        node is SingleValuePropertyAccessNode p && IsValue(p.Property.DeclaringType) && EngineColumns.Names.Contains(p.Property.Name) ? p.Property.Name : null;

    private static string? SnapshotValues(QueryNode node) =>
        node is CollectionNavigationNode { NavigationProperty.Name: nameof(SnapshotRow.Values) } ? nameof(SnapshotRow.Values) : null;

    private static string? Find(TransformationNode transformation, Func<QueryNode, string?> hit) => transformation switch
    {
        FilterTransformationNode f => Find(f.FilterClause.Expression, hit),
        GroupByTransformationNode g => g.GroupingProperties.Select(p => Find(p, hit)).FirstOrDefault(c => c is not null)
                                       ?? (g.ChildTransformations is { } child ? Find(child, hit) : null),
        AggregateTransformationNode a => a.AggregateExpressions.Select(e => Find(e, hit)).FirstOrDefault(c => c is not null),
        ComputeTransformationNode c => c.Expressions.Select(e => Find(e.Expression, hit)).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static string? Find(GroupByPropertyNode property, Func<QueryNode, string?> hit) =>
        Find(property.Expression, hit) ?? property.ChildTransformations.Select(p => Find(p, hit)).FirstOrDefault(c => c is not null);

    private static string? Find(AggregateExpressionBase aggregate, Func<QueryNode, string?> hit) => aggregate switch
    {
        AggregateExpression a => Find(a.Expression, hit),
        EntitySetAggregateExpression s => Find(s.Expression, hit) ?? s.Children.Select(c => Find(c, hit)).FirstOrDefault(c => c is not null),
        _ => null,
    };

    // The first node of the tree for which hit answers, depth first.
    private static string? Find(QueryNode? node, Func<QueryNode, string?> hit) => node is null ? null : hit(node) ?? node switch
    {
        SingleValuePropertyAccessNode p => Find(p.Source, hit),
        BinaryOperatorNode b => Find(b.Left, hit) ?? Find(b.Right, hit),
        UnaryOperatorNode u => Find(u.Operand, hit),
        ConvertNode c => Find(c.Source, hit),
        SingleValueFunctionCallNode f => f.Parameters.Select(p => Find(p, hit)).FirstOrDefault(c => c is not null),
        InNode i => Find(i.Left, hit) ?? Find(i.Right, hit),
        LambdaNode l => Find(l.Body, hit) ?? Find(l.Source, hit),
        CollectionNavigationNode n => Find(n.Source, hit),
        SingleNavigationNode n => Find(n.Source, hit),
        CountNode n => Find(n.Source, hit),
        _ => null,
    };
}
