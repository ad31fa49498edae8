namespace Network.Node.Cli;

/// <summary>The node's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The work failed: the file has errors, nothing could be delivered, or the hub rejected a snapshot.</summary>
    public const int Failed = 1;

    /// <summary>The command was wrong, or the node is not set up for it (a missing option, no node, an unknown key).</summary>
    public const int Usage = 2;
}
