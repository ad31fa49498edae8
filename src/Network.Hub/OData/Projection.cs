using System.Linq.Expressions;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Storage;

namespace Network.Hub.OData;

/// <summary>
/// Markers for the feed's database projections, replaced by <see cref="Inline{TSource, TResult}"/> with expressions
/// EF Core translates: an enumeration stored under its .NET name (<c>SurveyExtrapolated</c>) becomes its wire name
/// (<c>survey-extrapolated</c>) as a SQL <c>CASE</c>, so <c>$filter=Quality eq 'survey-extrapolated'</c> still runs in
/// the database; and <see cref="StoredDataPoint.Read"/> becomes <see cref="StoredDataPoint.ReadInDatabase"/>, so a filter on
/// the data point runs there too.
/// </summary>
public static class Projection
{
    /// <summary>The wire name of a status; inlined as a SQL <c>CASE</c>.</summary>
    public static string WireName(SnapshotStatus status) => WireNames.Of(status);

    /// <summary>The wire name of a data-quality class; inlined as a SQL <c>CASE</c>.</summary>
    public static string WireName(DataQuality quality) => WireNames.Of(quality);

    /// <summary>The wire name of a verdict's outcome; inlined as a SQL <c>CASE</c>.</summary>
    public static string WireName(VerdictOutcome outcome) => AttestationFormat.WireName(outcome);

    /// <summary>Replaces every marker call in <paramref name="projection"/>.</summary>
    public static Expression<Func<TSource, TResult>> Inline<TSource, TResult>(Expression<Func<TSource, TResult>> projection) =>
        (Expression<Func<TSource, TResult>>)new Inliner().Visit(projection);

    /// <summary><paramref name="projection"/> without the assignments of <paramref name="members"/> (they stay null).</summary>
    public static Expression<Func<TSource, TResult>> Omit<TSource, TResult>(Expression<Func<TSource, TResult>> projection, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var init = (MemberInitExpression)projection.Body;
        var kept = init.Bindings.Where(b => !members.Contains(b.Member.Name, StringComparer.Ordinal));
        return Expression.Lambda<Func<TSource, TResult>>(Expression.MemberInit(init.NewExpression, kept), projection.Parameters);
    }

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(StoredDataPoint) && node.Method.Name == nameof(StoredDataPoint.Read))
            {
                var read = StoredDataPoint.ReadInDatabase;
                return new Substitution(read.Parameters[0], Visit(node.Arguments[0])).Visit(read.Body);
            }

            if (node.Method.DeclaringType != typeof(Projection))
            {
                return base.VisitMethodCall(node);
            }

            return node.Method.Name == nameof(WireName) ? WireNameCase(node.Method, Visit(node.Arguments[0])) : base.VisitMethodCall(node);
        }

        // CASE WHEN x = 'Measured' THEN 'measured' WHEN ... ELSE <last> END: the column only holds enumeration values.
        private static Expression WireNameCase(System.Reflection.MethodInfo wireName, Expression operand)
        {
            var values = Enum.GetValues(operand.Type).Cast<object>().ToArray();
            Expression result = Expression.Constant(wireName.Invoke(null, [values[^1]]), typeof(string));
            foreach (var value in values[..^1].Reverse())
            {
                result = Expression.Condition(
                    Expression.Equal(operand, Expression.Constant(value, operand.Type)),
                    Expression.Constant(wireName.Invoke(null, [value]), typeof(string)),
                    result);
            }

            return result;
        }
    }

    // The body of a one-parameter lambda with its parameter replaced by an argument.
    private sealed class Substitution(ParameterExpression parameter, Expression argument) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? argument : base.VisitParameter(node);
    }
}
