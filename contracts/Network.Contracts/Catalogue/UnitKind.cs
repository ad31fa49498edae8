namespace Network.Contracts.Catalogue;

/// <summary>
/// The machine-readable kind of a KPI's unit. The catalogue's unit text is prose for people; the kind
/// decides which numbers are possible (a percentage lies in 0–100, a count is a non-negative whole number).
/// </summary>
public enum UnitKind
{
    /// <summary>A share in percent, 0–100.</summary>
    Percentage,

    /// <summary>A rate normalised by population: so many per 100,000 inhabitants (or live births); non-negative.</summary>
    RatePer100000,

    /// <summary>A number of things (hotspots, services); a non-negative whole number.</summary>
    Count,

    /// <summary>A quantity per inhabitant (tonnes CO2e, kWh, litres, GJ per capita); non-negative.</summary>
    PerCapita,

    /// <summary>A quantity per square metre of floor area; non-negative.</summary>
    PerFloorArea,

    /// <summary>A mass concentration in air (µg/m³); non-negative.</summary>
    Concentration,

    /// <summary>Events per customer per year; non-negative.</summary>
    PerCustomer,

    /// <summary>A duration in minutes; non-negative.</summary>
    Minutes,

    /// <summary>A duration in hours; non-negative.</summary>
    Hours,

    /// <summary>A duration in years (life expectancy), 0–150.</summary>
    Years,

    /// <summary>A non-negative ratio of two like quantities (travel time index, female/male earnings).</summary>
    Ratio,

    /// <summary>A coefficient between 0 and 1 (Gini).</summary>
    Coefficient,

    /// <summary>A yes/no answer written as 1 (yes) or 0 (no).</summary>
    YesNo,
}
