namespace Network.Contracts.Verification;

/// <summary>One reason a snapshot was refused.</summary>
/// <param name="Reason">Which rule was broken.</param>
/// <param name="Field">Where: <c>jws</c>, <c>header.alg</c>, <c>signature</c>, <c>payload</c>, or a JSONPath into
/// the payload such as <c>$.values[3].unit</c>.</param>
/// <param name="Message">A sentence a city analyst can act on.</param>
public sealed record Rejection(RejectionReason Reason, string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message} ({Reason})";
}
