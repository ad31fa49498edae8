using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Network.Hub.Storage;

namespace Network.Hub.Embargo;

/// <summary>
/// Lets EF Core translate <see cref="MembersOnly"/> inside a query: each call becomes <c>seesNetworkData ? column : null</c>
/// before the query is compiled. The reader's flag is by then a query parameter (EF Core extracts it before it looks up
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

        var column = Expression.Property(Visit(node.Arguments[0]), node.Method.Name);
        return Expression.Condition(Visit(node.Arguments[1]), column, Expression.Constant(null, typeof(string)));
    }
}
