using GraphQL.Types;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>The unit a KPI's values are reported in.</summary>
public sealed class UnitGraphType : ObjectGraphType<KpiUnit>
{
    /// <summary>Defines the fields.</summary>
    public UnitGraphType()
    {
        Name = "Unit";
        Description = "A KPI's unit: the symbol a value must carry and the numbers it admits.";
        Field<NonNullGraphType<StringGraphType>>("symbol").Description("The exact unit text, e.g. % or physicians per 100,000 inhabitants.").Resolve(c => c.Source.Symbol);
        Field<NonNullGraphType<UnitKindGraphType>>("kind").Description("What sort of quantity it is.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<FloatGraphType>>("minimum").Description("The smallest possible value.").Resolve(c => c.Source.Minimum);
        Field<FloatGraphType>("maximum").Description("The largest possible value; null when unbounded.").Resolve(c => c.Source.Maximum);
        Field<NonNullGraphType<BooleanGraphType>>("wholeNumbersOnly").Description("Whether only whole numbers are possible.").Resolve(c => c.Source.WholeNumbersOnly);
    }
}
