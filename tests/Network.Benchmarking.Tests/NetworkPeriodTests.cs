using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Tests;

public sealed class NetworkPeriodTests
{
    [Fact]
    public void Indexes_every_value_by_city_and_KPI_with_its_quality_and_verification()
    {
        var period = new NetworkBuilder(2020)
            .Report("NO-5001", "EC-ICT-ICT-1C", 100, quality: DataQuality.SurveyExtrapolated, verified: true)
            .Report("NO-5001", "EN-EN-AQ-1C", 8.5, dataPoint: "PM2.5", quality: DataQuality.Measured, verified: false)
            .Report("NO-3024", "EC-ICT-ICT-1C", 97)
            .Build();

        Assert.Equal(2020, period.Period);
        Assert.Equal(["NO-3024", "NO-5001"], period.Cities);
        Assert.Equal(3, period.ValueCount);
        Assert.Equal(
            new ReportedValue("NO-5001", "EN-EN-AQ-1C", "PM2.5", 8.5, DataQuality.Measured, false),
            period.Find("NO-5001", new KpiKey("EN-EN-AQ-1C", "PM2.5")));
        Assert.Equal(
            [new KpiKey("EC-ICT-ICT-1C"), new KpiKey("EN-EN-AQ-1C", "PM2.5")],
            period.ValuesOf("NO-5001").Select(v => v.Key));
        Assert.Equal(DataQuality.SurveyExtrapolated, period.Find("NO-5001", new KpiKey("EC-ICT-ICT-1C"))!.Quality);
        Assert.True(period.Contains("NO-3024"));
        Assert.False(period.Contains("NO-1507"));
        Assert.Empty(period.ValuesOf("NO-1507"));
    }

    [Fact]
    public void Replaces_the_values_of_the_named_cities_and_keeps_the_others()
    {
        var before = new NetworkBuilder(2020)
            .Report("NO-5001", "EC-ICT-ICT-1C", 100)
            .Report("NO-5001", "EN-EN-AQ-1C", 8.5, dataPoint: "PM2.5")
            .Report("NO-3024", "EC-ICT-ICT-1C", 97)
            .Report("NO-1507", "EC-ICT-ICT-1C", 90)
            .Build();

        var after = before.WithCities(
            ["NO-5001", "NO-1507", "NO-0301"],
            [
                new ReportedValue("NO-5001", "EC-ICT-ICT-1C", null, 99, DataQuality.Measured, false),   // changed; its PM2.5 is gone
                new ReportedValue("NO-0301", "EC-ICT-ICT-1C", null, 95, DataQuality.Measured, false),   // joins; NO-1507 drops out
            ]);

        Assert.Equal(["NO-0301", "NO-3024", "NO-5001"], after.Cities);
        Assert.Equal(99, after.Find("NO-5001", new KpiKey("EC-ICT-ICT-1C"))!.Value);
        Assert.Null(after.Find("NO-5001", new KpiKey("EN-EN-AQ-1C", "PM2.5")));
        Assert.Equal(97, after.Find("NO-3024", new KpiKey("EC-ICT-ICT-1C"))!.Value);
        Assert.Equal(3, after.Distribution(new KpiKey("EC-ICT-ICT-1C")).ReportingCount);
        Assert.Equal(3, after.ValueCount);
        Assert.Equal(4, before.ValueCount);   // the period it was made from is unchanged
    }

    [Fact]
    public void Refuses_a_replacement_value_of_a_city_it_was_not_told_to_replace()
    {
        var before = new NetworkBuilder(2020).Report("NO-5001", "EC-ICT-ICT-1C", 100).Build();

        var error = Assert.Throws<ArgumentException>(() => before.WithCities(
            ["NO-5001"], [new ReportedValue("NO-3024", "EC-ICT-ICT-1C", null, 1, DataQuality.Measured, false)]));

        Assert.Contains("NO-3024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Knows_every_KPI_and_data_point_of_the_catalogue()
    {
        var keys = new NetworkBuilder().Build().Keys;

        Assert.Equal(111, keys.Count);   // 85 single-number KPIs and 26 data points of 6 KPIs
        Assert.Equal(new KpiKey("EC-ICT-ICT-1C"), keys[0]);
        Assert.Contains(new KpiKey("EN-EN-WA-1C", "recycled"), keys);
    }

    [Fact]
    public void Takes_a_value_from_a_snapshot()
    {
        var fromSnapshot = new KpiValue("EC-P-EM-1C", null, 1.34, "%", DataQuality.Measured, "Statistics Norway", "SSB table 10540");

        Assert.Equal(
            new ReportedValue("NO-5001", "EC-P-EM-1C", null, 1.34, DataQuality.Measured, true),
            ReportedValue.From("NO-5001", fromSnapshot, verified: true));
    }

    [Fact]
    public void Refuses_values_it_cannot_use_naming_every_problem_at_once()
    {
        var values = new[]
        {
            new ReportedValue("NO-5001", "EC-ICT-ICT-1C", null, 100, DataQuality.Measured, true),
            new ReportedValue("Trondheim", "EC-ICT-ICT-1C", null, 100, DataQuality.Measured, true),
            new ReportedValue("NO-5001", "EC-XX-1C", null, 1, DataQuality.Measured, true),
            new ReportedValue("NO-5001", "EC-ICT-ICT-4C", null, 99, DataQuality.Measured, true),
            new ReportedValue("NO-5001", "EC-ICT-ICT-4C", "5G", 99, DataQuality.Measured, true),
            new ReportedValue("NO-5001", "EC-ICT-ICT-2C", "4G", 99, DataQuality.Measured, true),
            new ReportedValue("NO-5001", "EC-ICT-ICT-2C", null, 120, DataQuality.Measured, true),
            new ReportedValue("NO-5001", "EC-ICT-ICT-3C", null, double.NaN, DataQuality.Measured, true),
        };

        var error = Assert.Throws<ArgumentException>(() => NetworkPeriod.Create(2020, values));

        Assert.StartsWith("7 of the 8 values for 2020 cannot be used:", error.Message, StringComparison.Ordinal);
        Assert.Contains("value 1 (Trondheim, EC-ICT-ICT-1C): 'Trondheim' is not a city id", error.Message, StringComparison.Ordinal);
        Assert.Contains("value 2 (NO-5001, EC-XX-1C): the catalogue u4ssc-2017.1 has no KPI 'EC-XX-1C'", error.Message, StringComparison.Ordinal);
        Assert.Contains("value 3 (NO-5001, EC-ICT-ICT-4C): EC-ICT-ICT-4C is reported per data point; name one of: 3G, 4G", error.Message, StringComparison.Ordinal);
        Assert.Contains("value 4 (NO-5001, EC-ICT-ICT-4C (5G)): EC-ICT-ICT-4C has no data point '5G'", error.Message, StringComparison.Ordinal);
        Assert.Contains("value 5 (NO-5001, EC-ICT-ICT-2C (4G)): EC-ICT-ICT-2C is reported as one number", error.Message, StringComparison.Ordinal);
        Assert.Contains("value 6 (NO-5001, EC-ICT-ICT-2C): 120 is not a possible value in %: it must be between 0 and 100", error.Message, StringComparison.Ordinal);
        Assert.Contains("value 7 (NO-5001, EC-ICT-ICT-3C): NaN is not a possible value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_city_reporting_the_same_KPI_twice()
    {
        var builder = new NetworkBuilder()
            .Report("NO-5001", "EC-ICT-ICT-1C", 98)
            .Report("NO-5001", "EC-ICT-ICT-1C", 100);

        var error = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Contains("value 1 (NO-5001, EC-ICT-ICT-1C): the city already reported EC-ICT-ICT-1C for 2020", error.Message, StringComparison.Ordinal);
    }
}
