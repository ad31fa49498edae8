using GraphQL;
using GraphQL.Types;
using Network.Hub.GraphQL.Loading;

namespace Network.Hub.GraphQL.Types;

/// <summary>An accepted snapshot.</summary>
public sealed class SnapshotGraphType : ObjectGraphType<SnapshotNode>
{
    /// <summary>Defines the fields.</summary>
    public SnapshotGraphType()
    {
        Name = "Snapshot";
        Description = "An accepted signed snapshot: one city, one period, one status. Its JWS, for anyone to re-verify, is also at /api/snapshots/{id}.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The snapshot id the node chose.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<IntGraphType>>("period").Description("The reporting period (year).").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<SnapshotStatusGraphType>>("status").Description("Preliminary, final or correction.").Resolve(c => c.Source.Status);
        Field<IdGraphType>("supersedes").Description("For a correction, the snapshot it supersedes.").Resolve(c => c.Source.Supersedes);
        Field<NonNullGraphType<DateTimeScalar>>("issuedAt").Description("When the city signed it.").Resolve(c => c.Source.IssuedAt);
        Field<NonNullGraphType<DateTimeScalar>>("receivedAt").Description("When the hub accepted it.").Resolve(c => c.Source.ReceivedAt);
        Field<NonNullGraphType<StringGraphType>>("digest").Description("Base64url SHA-256 of the JWS as received.").Resolve(c => c.Source.Digest);
        Field<StringGraphType>("jws")
            .Description("The compact JWS as received, to re-verify with the city's JWK Set (contracts/README.md): for every reader unless it is a format-1 snapshot holding a note, which only members get (the digest still names it).")
            .Resolve(c => c.Loaders().SignedForm(c.Source.Id).Then(f => f.Jws));
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("disclosures")
            .Description("For members, the SD-JWT disclosures of a format-2 snapshot's notes, each matching a value's _sd digest in the JWS; null for the public.")
            .Resolve(c => c.Loaders().SignedForm(c.Source.Id).Then(f => f.Disclosures));
        Field<NonNullGraphType<StringGraphType>>("catalogueVersion").Description("The catalogue version it was written for.").Resolve(c => c.Source.CatalogueVersion);
        Field<NonNullGraphType<StringGraphType>>("keyId").Description("The key that signed it.").Resolve(c => c.Source.KeyId);
        Field<NonNullGraphType<IntGraphType>>("valueCount").Description("How many values it holds.").Resolve(c => c.Source.ValueCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiValueGraphType>>>>("values")
            .Description("Its values, in catalogue order.")
            .WithComplexityImpact(1, Arguments.TypicalValues)
            .Resolve(c => c.Loaders().ValuesOfSnapshot(c.Source.Id));
    }
}
