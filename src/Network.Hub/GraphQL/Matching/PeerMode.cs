namespace Network.Hub.GraphQL.Matching;

/// <summary>How <c>peers</c> looks for partners.</summary>
public enum PeerMode
{
    /// <summary>Cities that perform alike on the chosen KPIs (Kolada's similarity search).</summary>
    Similar,

    /// <summary>Cities strong where this city is weak and weak where it is strong: both can learn.</summary>
    Complementary,
}
