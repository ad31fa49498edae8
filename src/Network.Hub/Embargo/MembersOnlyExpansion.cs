using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Network.Hub.Storage;

namespace Network.Hub.Embargo;

/// <summary>
/// Lets EF Core translate <see cref="MembersOnly"/> inside a query: each call becomes <c>seesNetworkData ? column : null</c>
/// (for the JWS, <c>seesNetworkData || row.JwsPublic ? column : null</c>) before the query is compiled. The reader's flag is by then a query parameter (EF Core extracts it before it looks up
/// its query cache), so one compiled query serves members and the public alike, each with their own answer.
/// Added to both providers' options by <see cref="StorageExtensions.AddStorage"/>.
/// </summary>
internal sealed class MembersOnlyExpansion : ExpressionVisitor, IQueryExpressionInterceptor
{
    /// <summary>The one instance (stateless).</summary>
    public static MembersOnlyExpansion Instance { get; } = new();

    private MembersOnlyExpansion()
    {
    }

    /// <inheritdoc/>
    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    /// <inheritdoc/>
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(MembersOnly))
        {
            return base.VisitMethodCall(node);
        }

        var row = Visit(node.Arguments[0]);
        var column = Expression.Property(row, node.Method.Name);
        Expression sees = Visit(node.Arguments[1]);
        if (node.Method.Name == nameof(MembersOnly.Jws))
        {
            sees = Expression.OrElse(sees, Expression.Property(row, nameof(SnapshotRecord.JwsPublic)));
        }

        return Expression.Condition(sees, column, Expression.Constant(null, typeof(string)));
    }
}
