using GraphQL.Types;
using Network.Benchmarking.Matching;

namespace Network.Hub.GraphQL.Matching;

/// <summary>The GraphQL enum for <see cref="PeerMode"/>.</summary>
public sealed class PeerModeGraphType : EnumerationGraphType<PeerMode>
{
    /// <summary>Names and describes the enum.</summary>
    public PeerModeGraphType()
    {
        Name = "PeerMode";
        Description = "SIMILAR: cities that perform alike on the chosen KPIs. COMPLEMENTARY: cities strong where this one is weak and weak where it is strong.";
    }
}

/// <summary>The GraphQL enum for <see cref="LearningDirection"/>.</summary>
public sealed class LearningDirectionGraphType : EnumerationGraphType<LearningDirection>
{
    /// <summary>Names and describes the enum.</summary>
    public LearningDirectionGraphType()
    {
        Name = "LearningDirection";
        Description = "PARTNER_TEACHES: the partner performs better on the KPI. PARTNER_LEARNS: the city performs better.";
    }
}

/// <summary>The GraphQL enum for <see cref="StrengthClass"/>.</summary>
public sealed class StrengthClassGraphType : EnumerationGraphType<StrengthClass>
{
    /// <summary>Names and describes the enum.</summary>
    public StrengthClassGraphType()
    {
        Name = "StrengthClass";
        Description = "A city's standing in a category: STRENGTH, NEUTRAL, GAP, or NOT_REPORTED.";
    }
}
