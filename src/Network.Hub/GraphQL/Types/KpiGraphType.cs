using GraphQL.Types;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>One U4SSC KPI as the catalogue defines it.</summary>
public sealed class KpiGraphType : ObjectGraphType<Kpi>
{
    /// <summary>Defines the fields.</summary>
    public KpiGraphType()
    {
        Name = "Kpi";
        Description = "A U4SSC Key Performance Indicator.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The network's code, e.g. EC-ICT-ICT-1C.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("officialCode").Description("The code as U4SSC prints it, e.g. EC: ICT: ICT: 1C.").Resolve(c => c.Source.OfficialCode);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The KPI's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("dimension").Description("The dimension's name.").Resolve(c => KpiCatalogue.NameOf(c.Source.Dimension));
        Field<NonNullGraphType<StringGraphType>>("subDimension").Description("The sub-dimension's name.").Resolve(c => c.Source.SubDimension);
        Field<NonNullGraphType<StringGraphType>>("categoryCode").Description("The category node's code.").Resolve(c => c.Source.CategoryCode);
        Field<NonNullGraphType<StringGraphType>>("category").Description("The category's name.").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<UnitGraphType>>("unit").Description("The unit values are reported in.").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<StringGraphType>>("unitDescription").Description("The unit as the U4SSC definition words it.").Resolve(c => c.Source.UnitDescription);
        Field<NonNullGraphType<DirectionGraphType>>("direction").Description("Which way is better.").Resolve(c => c.Source.Direction);
        Field<NonNullGraphType<KpiTypeGraphType>>("type").Description("Core or advanced.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dataPoints")
            .Description("The data points a value names (3G/4G, pollutants, modes); empty for a KPI reported as one number.")
            .Resolve(c => c.Source.DataPoints);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("sdgs").Description("The Sustainable Development Goals (1-17) it supports.").Resolve(c => c.Source.Sdgs);
        Field<NonNullGraphType<StringGraphType>>("notes").Description("Provenance notes about the catalogue row.").Resolve(c => c.Source.Notes);
    }
}
