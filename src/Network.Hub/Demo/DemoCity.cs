using System.Globalization;
using Network.Contracts.Snapshots;

namespace Network.Hub.Demo;

/// <summary>One city of the demo network, as <c>nodes/cities/cities.csv</c> lists it.</summary>
/// <param name="Id">The city id.</param>
/// <param name="Name">The display name (synthetic cities say so in it).</param>
/// <param name="Population">Inhabitants, when known.</param>
/// <param name="Synthetic">Whether the values are synthetic.</param>
/// <param name="Period">The reporting period of its value file.</param>
/// <param name="Status">The status its snapshot is published with.</param>
/// <param name="File">The value file's name.</param>
public sealed record DemoCity(string Id, string Name, int? Population, bool Synthetic, int Period, SnapshotStatus Status, string File)
{
    private const string ResourcePrefix = "Network.Hub.Demo.Cities.";

    /// <summary>The demo cities embedded in this assembly (copied from <c>nodes/cities/</c> at build time).</summary>
    public static IReadOnlyList<DemoCity> Embedded()
    {
        using var reader = new StreamReader(Open("cities.csv"));
        var cities = new List<DemoCity>();
        reader.ReadLine(); // header: id,name,population,synthetic,period,status,file
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            cities.Add(new DemoCity(
                f[0],
                f[1],
                int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var population) ? population : null,
                bool.Parse(f[3]),
                int.Parse(f[4], CultureInfo.InvariantCulture),
                WireNames.TryParseStatus(f[5], out var status) ? status : throw new FormatException($"cities.csv: unknown status '{f[5]}'"),
                f[6]));
        }

        return cities;
    }

    /// <summary>Opens the city's embedded value file.</summary>
    public Stream OpenValues() => Open(File);

    private static Stream Open(string name) =>
        typeof(DemoCity).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The demo data file '{name}' is not embedded in the hub.");
}
