namespace Network.Contracts.Catalogue;

/// <summary>The three U4SSC dimensions of a smart sustainable city.</summary>
public enum Dimension
{
    /// <summary>Economy (codes starting <c>EC</c>).</summary>
    Economy,

    /// <summary>Environment (codes starting <c>EN</c>).</summary>
    Environment,

    /// <summary>Society and Culture (codes starting <c>SC</c>).</summary>
    SocietyAndCulture,
}
