using GraphQL.Types;
using Network.Contracts.Catalogue;
using Network.Hub.GraphQL.Loading;

namespace Network.Hub.GraphQL.Types;

/// <summary>One reported value, with its U4SSC provenance.</summary>
public sealed class KpiValueGraphType : ObjectGraphType<ValueNode>
{
    /// <summary>Defines the fields.</summary>
    public KpiValueGraphType()
    {
        Name = "KpiValue";
        Description = "A value a city reported in a snapshot.";
        Field<NonNullGraphType<StringGraphType>>("kpiCode").Description("The KPI code.").Resolve(c => c.Source.KpiCode);
        Field<NonNullGraphType<KpiGraphType>>("kpi").Description("The KPI.").Resolve(c => c.RequestServices!.GetRequiredService<KpiCatalogue>()[c.Source.KpiCode]);
        Field<StringGraphType>("dataPoint").Description("The data point, for KPIs reported in parts.").Resolve(c => c.Source.DataPoint);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The number.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("unit").Description("The unit symbol.").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<DataQualityGraphType>>("quality").Description("How it was obtained.").Resolve(c => c.Source.Quality);
        Field<NonNullGraphType<StringGraphType>>("origin").Description("Who produced the data.").Resolve(c => c.Source.Origin);
        Field<NonNullGraphType<StringGraphType>>("source").Description("Where it can be checked.").Resolve(c => c.Source.Source);
        Field<StringGraphType>("note").Description("A note from the city; members of the network only (null for anonymous readers).").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<IntGraphType>>("period").Description("The reporting period.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<BooleanGraphType>>("verified")
            .Description("Whether a U4SSC verifier confirmed the value: the newest verdict on this KPI, data point, number and unit in the city and period says verified.")
            .Resolve(c => c.Source.Verdict?.Verified ?? false);
        Field<StringGraphType>("verdict").Description("That newest verdict: verified, not-verified or question; null when no verifier gave one.").Resolve(c => c.Source.Verdict?.WireName);
        Field<StringGraphType>("verifiedBy").Description("The verifier that gave the verdict.").Resolve(c => c.Source.Verdict?.VerifierId);
        Field<DateTimeScalar>("verifiedAt").Description("When the verifier signed the attestation holding the verdict.").Resolve(c => c.Source.Verdict?.IssuedAt);
        Field<StringGraphType>("attestationDigest").Description("That attestation's digest (GET /api/snapshots/{id}/attestations lists it with its JWS).").Resolve(c => c.Source.Verdict?.AttestationDigest);
        Field<NonNullGraphType<IdGraphType>>("snapshotId").Description("The snapshot it was published in.").Resolve(c => c.Source.SnapshotId);
    }
}
