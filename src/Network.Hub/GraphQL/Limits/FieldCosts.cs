namespace Network.Hub.GraphQL.Limits;

/// <summary>
/// What the fields that run the engine weigh in the cost model, in the unit of the complexity analysis: one field of
/// the answer. A field that only reads stored rows costs about what it returns, so the analysis's default (1 per field,
/// times the length of the lists around it) fits it; these fields compute, so they weigh what the computation costs,
/// and an alias is a second computation: 300 aliases of <c>peers</c> weigh 300 matching passes. Every computation of
/// one request reads the same loaded network (see <see cref="Loading.RequestNetwork"/>), which is therefore not counted
/// per field.
/// </summary>
public static class FieldCosts
{
    /// <summary>
    /// <c>peers</c> and <c>learnFrom</c>: one pass over every city's standings in the period, then the explanations of
    /// the ones returned (each of its subfields counts once per returned peer, <c>limit</c>).
    /// </summary>
    public const double Matching = 1_000;

    /// <summary><c>compare</c>: a score card for each compared city and a row per KPI (its subfields count per row).</summary>
    public const double Compare = 1_000;

    /// <summary><c>network</c>: the coordinator's view over every city of the period.</summary>
    public const double NetworkView = 1_000;

    /// <summary>
    /// <c>network { pairing }</c>: every pair of cities scored and an exact maximum-weight matching (n²·K, up to n³; about
    /// a second for 1,000 cities), so one pairing is a fifth of <see cref="GraphQLOptions.MaxComplexity"/>'s default.
    /// </summary>
    public const double Pairing = 100_000;

    /// <summary><c>scores</c> of one city: the city's KPIs scored and rolled up (its subfields count per KPI and category).</summary>
    public const double ScoreCard = 200;

    /// <summary><c>history</c> of one city: one batched read of every snapshot's value of the KPI.</summary>
    public const double History = 20;
}
