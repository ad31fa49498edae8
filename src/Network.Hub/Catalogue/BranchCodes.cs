using Network.Contracts.Catalogue;

namespace Network.Hub.Catalogue;

/// <summary>Codes the catalogue tree implies but does not carry as a field.</summary>
internal static class BranchCodes
{
    /// <summary>
    /// A dimension's code (<c>EC</c>, <c>EN</c>, <c>SC</c>): the first segment of its sub-dimension codes
    /// (<c>EC-ICT</c>), which is how U4SSC codes are built.
    /// </summary>
    public static string Of(DimensionNode dimension) => dimension.SubDimensions[0].Code.Split('-')[0];
}
