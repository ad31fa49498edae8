namespace Network.Node.Tests.Support;

/// <summary>Value files for the node's end-to-end tests: Trondheim's real figures (UNECE profile, 2020).</summary>
public static class TestValues
{
    public static readonly string[] Trondheim =
    [
        ValueFileSamples.Header,
        "EN-EN-AQ-2C,,2.46,tCO2e per capita per year,unknown,Trondheim kommune,UNECE Smart Sustainable City Profile: Trondheim,",
        "EC-P-EM-1C,,1.34,%,unknown,Trondheim kommune,UNECE Smart Sustainable City Profile: Trondheim,",
        "EC-I-WS-3C,,28.42,%,unknown,Trondheim kommune,UNECE Smart Sustainable City Profile: Trondheim,",
        "SC-EH-H-3C,,87.78,physicians per 100,000 inhabitants,unknown,Trondheim kommune,UNECE Smart Sustainable City Profile: Trondheim,".Replace("physicians per 100,000 inhabitants", "\"physicians per 100,000 inhabitants\"", StringComparison.Ordinal),
        "EC-ICT-ICT-4C,4G,99.8,%,unknown,Trondheim kommune,UNECE Smart Sustainable City Profile: Trondheim,technology not named; filed under 4G",
    ];

    public static string TrondheimCsv(TempDirectory directory) => ValueFileSamples.Csv(directory, Trondheim);
}
