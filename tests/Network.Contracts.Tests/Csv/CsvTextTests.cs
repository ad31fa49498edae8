using Network.Contracts.Csv;

namespace Network.Contracts.Tests.Csv;

/// <summary>The product's one CSV reader: fields, the line each record starts on, and how a record breaks the quoting rules.</summary>
public sealed class CsvTextTests
{
    [Fact]
    public void Reads_quoted_fields_with_separators_doubled_quotes_and_line_breaks()
    {
        var records = CsvText.Read("kpi,note\r\nA,\"1,5 \"\"about\"\"\"\nB,\"two\nlines\"\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["A", "1,5 \"about\""], records[1].Fields);
        Assert.Equal(["B", "two\nlines"], records[2].Fields);
        Assert.All(records, r => Assert.Null(r.Fault));
    }

    [Fact]
    public void Numbers_each_record_by_the_line_it_starts_on()
    {
        var records = CsvText.Read("h\n\"a\nb\"\nc\n");

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Keeps_an_empty_line_as_one_empty_field()
    {
        var records = CsvText.Read("h\n\nx\n");

        Assert.Equal(3, records.Count);
        Assert.Equal([""], records[1].Fields);
        Assert.True(records[1].IsBlank);
    }

    [Fact]
    public void Drops_a_leading_byte_order_mark()
    {
        var records = CsvText.Read("\uFEFFkpi,value\n");

        Assert.Equal("kpi", records[0].Fields[0]);
    }

    [Fact]
    public void Reads_with_the_separator_it_is_given()
    {
        var records = CsvText.Read("a;\"b;c\"\n", ';');

        Assert.Equal(["a", "b;c"], records[0].Fields);
    }

    [Fact]
    public void Names_a_quoted_field_that_is_never_closed_at_the_line_it_starts_on()
    {
        var records = CsvText.Read("h\nok\n\"open,\nrest\n");

        var broken = Assert.Single(records, r => r.Fault is not null);
        Assert.Equal(3, broken.Line);
        Assert.Equal(CsvFault.UnterminatedQuote, broken.Fault);
    }

    [Fact]
    public void Names_a_stray_quote_inside_an_unquoted_field()
    {
        var records = CsvText.Read("h\nthe \"green\" plan\n");

        Assert.Equal(CsvFault.StrayQuote, records[1].Fault);
        Assert.False(records[1].IsBlank);
    }
}
