namespace Network.Hub.Embargo;

/// <summary>
/// Who one service scope reads for, decided once and explicitly: for an HTTP request by <see cref="ReadershipMiddleware"/>
/// right after authentication, from the caller's token; for the hub's own work by whoever opens the scope, by name
/// (<see cref="ReadingScopes.CreateNetworkScope(IServiceScopeFactory)"/>). Until it is decided it is the
/// <see cref="Readership.Public"/> view, so a scope nobody decided for (a background task, a new code path, a
/// request whose pipeline skipped the middleware) fails closed and never sees the network's preliminary figures.
/// </summary>
public sealed class CallerReadership
{
    /// <summary>The readership of this scope: <see cref="Readership.Public"/> until decided.</summary>
    public Readership Current { get; private set; } = Readership.Public;

    /// <summary>Whether <see cref="Decide"/> has been called.</summary>
    public bool IsDecided { get; private set; }

    /// <summary>Decides the readership of this scope, once.</summary>
    /// <exception cref="InvalidOperationException">It was decided before: one request, one readership.</exception>
    public void Decide(Readership readership)
    {
        if (IsDecided)
        {
            throw new InvalidOperationException($"This scope's readership was already decided ({Current}); it is decided once per request.");
        }

        Current = readership;
        IsDecided = true;
    }
}
