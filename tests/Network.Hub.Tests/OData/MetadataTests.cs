using Network.Testing.Hub;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace Network.Hub.Tests.OData;

/// <summary>What Excel and Power BI read first: the service document and the CSDL model.</summary>
public sealed class MetadataTests(FeedNetwork network) : IClassFixture<FeedNetwork>
{
    [Fact]
    public async Task The_service_document_lists_the_four_entity_sets()
    {
        var document = await network.GetAsync("/odata");

        Assert.Equal("http://localhost/odata/$metadata", document.GetProperty("@odata.context").GetString());
        Assert.Equal(
            ["Cities", "Kpis", "Snapshots", "KpiValues"],
            document.GetProperty("value").EnumerateArray().Where(e => e.Text("kind") == "EntitySet").Select(e => e.Text("url")));
    }

    [Fact]
    public async Task Metadata_is_valid_csdl_with_the_entity_sets_their_keys_and_the_as_of_function()
    {
        var model = await ReadModelAsync();

        Assert.True(model.Validate(out var errors), string.Join("; ", errors.Select(e => e.ErrorMessage)));
        var container = model.EntityContainer;
        Assert.Equal(
            new Dictionary<string, string> { ["Cities"] = "Id", ["Kpis"] = "Code", ["Snapshots"] = "Id", ["KpiValues"] = "Id" },
            container.EntitySets().ToDictionary(s => s.Name, s => string.Join(",", s.EntityType.Key().Select(k => k.Name))));
        Assert.Equal(EdmPrimitiveTypeKind.Int64, container.FindEntitySet("KpiValues").EntityType.Key().Single().Type.PrimitiveKind());
        Assert.Equal(EdmPrimitiveTypeKind.Guid, container.FindEntitySet("Snapshots").EntityType.Key().Single().Type.PrimitiveKind());

        var asOf = container.OperationImports().Single(o => o.Name == "ValuesAsOf");
        Assert.True(asOf.IsFunctionImport());
        Assert.Equal(EdmPrimitiveTypeKind.DateTimeOffset, asOf.Operation.FindParameter("date").Type.PrimitiveKind());
        Assert.Equal("Network.KpiValue", asOf.Operation.GetReturn().Type.AsCollection().ElementType().FullName());
    }

    [Fact]
    public async Task Values_carry_the_stored_columns_the_engine_columns_and_navigations_with_their_foreign_keys()
    {
        var value = (await ReadModelAsync()).FindDeclaredType("Network.KpiValue") as IEdmEntityType;

        Assert.NotNull(value);
        foreach (var property in new[] { "CityId", "Period", "KpiCode", "DataPoint", "Value", "Unit", "Quality", "Origin", "Source", "Note", "Current",
                                         "Score", "Points", "Band", "Percentile", "Rank", "ReportingCities", "NetworkMedian", "Verified",
                                         "Verdict", "VerifiedBy", "VerifiedAt", "AttestationDigest" })
        {
            Assert.NotNull(value.FindProperty(property));
        }

        // Power BI builds its relationships from these.
        Assert.Equal(
            ["City:CityId", "Kpi:KpiCode", "Snapshot:SnapshotId"],
            value.NavigationProperties().OrderBy(n => n.Name)
                .Select(n => $"{n.Name}:{string.Join(",", n.DependentProperties().Select(p => p.Name))}"));
    }

    private async Task<IEdmModel> ReadModelAsync()
    {
        using var client = await network.Hub.CreateMemberClientAsync();
        await using var stream = await client.GetStreamAsync("/odata/$metadata", TestContext.Current.CancellationToken);
        using var reader = XmlReader.Create(stream);
        Assert.True(CsdlReader.TryParse(reader, out var model, out var errors), string.Join("; ", errors.Select(e => e.ErrorMessage)));
        return model;
    }
}
