using Network.Contracts.Catalogue;

namespace Network.Contracts.Tests.Catalogue;

public sealed class CatalogueParsingTests
{
    [Fact]
    public void Parses_the_shipped_file_into_the_default_catalogue()
    {
        var parsed = CatalogueCsv.Shipped().Parse();

        Assert.Equal(KpiCatalogue.Default.All, parsed.All, (a, b) => a.Code == b.Code && a.Unit == b.Unit && a.DataPoints.SequenceEqual(b.DataPoints));
    }

    [Theory]
    [InlineData("unit_kind", "Percent", "row 3 (EC-ICT-ICT-2C): unknown unit kind 'Percent'")]
    [InlineData("unit_kind", "7", "row 3 (EC-ICT-ICT-2C): unknown unit kind '7'")]
    [InlineData("direction", "up", "row 3 (EC-ICT-ICT-2C): unknown direction 'up'")]
    [InlineData("type", "optional", "row 3 (EC-ICT-ICT-2C): unknown type 'optional'")]
    [InlineData("dimension", "Culture", "row 3 (EC-ICT-ICT-2C): unknown dimension 'Culture'")]
    [InlineData("sdg", "SDG", "row 3 (EC-ICT-ICT-2C)")]
    [InlineData("sdg", "SDGx", "row 3 (EC-ICT-ICT-2C)")]
    [InlineData("sdg", "SDG18", "row 3 (EC-ICT-ICT-2C): 'SDG18' is not a Sustainable Development Goal")]
    [InlineData("sdg", "17", "row 3 (EC-ICT-ICT-2C)")]
    public void Names_the_row_of_a_field_it_cannot_read(string column, string value, string expected)
    {
        var csv = CatalogueCsv.Shipped().With(3, column, value);

        var thrown = Assert.Throws<FormatException>(csv.Parse);

        Assert.Contains($"KPI catalogue {expected}", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_row_with_too_few_fields()
    {
        var csv = CatalogueCsv.Shipped().WithFieldMissing(5);

        var thrown = Assert.Throws<FormatException>(csv.Parse);

        Assert.Equal("KPI catalogue row 5: 14 fields, expected 15.", thrown.Message);
    }

    [Fact]
    public void Names_the_code_and_rows_of_a_duplicate_code()
    {
        var csv = CatalogueCsv.Shipped();
        csv.With(7, "code", csv.Get(2, "code"));

        var thrown = Assert.Throws<FormatException>(csv.Parse);

        Assert.Equal("KPI catalogue row 7: the code 'EC-ICT-ICT-1C' is already used on row 2.", thrown.Message);
    }

    [Fact]
    public void Names_a_missing_column()
    {
        var csv = CatalogueCsv.Shipped().WithoutColumn("unit_kind");

        var thrown = Assert.Throws<FormatException>(csv.Parse);

        Assert.Equal("The KPI catalogue has no 'unit_kind' column.", thrown.Message);
    }

    [Fact]
    public void Refuses_an_empty_file()
    {
        var thrown = Assert.Throws<FormatException>(() => KpiCatalogue.Parse(new StringReader("")));

        Assert.Equal("The KPI catalogue is empty.", thrown.Message);
    }
}
