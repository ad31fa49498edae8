using GraphQL.Types;

namespace Network.Hub.GraphQL.Types;

/// <summary>
/// The <c>DateTime</c> scalar: an instant as an ISO 8601 string with its offset (<c>2021-03-01T12:00:00Z</c>,
/// <c>2021-03-01T13:00:00+01:00</c>), read into a <see cref="DateTimeOffset"/> so no time zone is guessed.
/// </summary>
public sealed class DateTimeScalar : DateTimeOffsetGraphType
{
    /// <summary>Names the scalar <c>DateTime</c>.</summary>
    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "An instant, ISO 8601 with an offset, e.g. 2021-03-01T12:00:00Z.";
    }
}
