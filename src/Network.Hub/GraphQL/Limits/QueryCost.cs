namespace Network.Hub.GraphQL.Limits;

/// <summary>
/// One request's estimated cost and, when the query is costly, its slot of the <see cref="Hub.Limits.CostlyWorkGate"/>,
/// held until the answer is written. One per request (scoped); <see cref="CostCheck"/> fills it during validation,
/// before anything runs, and the door releases the slot.
/// </summary>
public sealed class QueryCost : IDisposable
{
    /// <summary>The estimated cost of the operation, in answer fields (see <see cref="FieldCosts"/>); null until validated.</summary>
    public double? Estimate { get; internal set; }

    /// <summary>Whether the query was refused because every slot for costly reads stayed taken.</summary>
    public bool Busy { get; internal set; }

    /// <summary>The gate slot this request holds, if it is costly.</summary>
    internal IDisposable? Slot { get; set; }

    /// <summary>Gives the slot back (idempotent).</summary>
    public void Dispose()
    {
        Slot?.Dispose();
        Slot = null;
    }
}
