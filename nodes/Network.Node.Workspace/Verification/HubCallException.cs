namespace Network.Node.Workspace.Verification;

/// <summary>The hub could not be asked at all: unreachable, too slow, or the client's credentials refused.</summary>
public sealed class HubCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HubCallException()
    {
    }

    /// <summary>Creates the exception with what went wrong, as a sentence for the analyst.</summary>
    public HubCallException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what went wrong and its cause.</summary>
    public HubCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
