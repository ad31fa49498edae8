namespace Network.Hub.Embargo;

/// <summary>
/// Opens service scopes whose <see cref="Storage.NetworkDbContext"/> reads for a readership named by the caller: the
/// only way to read as <see cref="Readership.Network"/> outside an authenticated member's request.
/// </summary>
public static class ReadingScopes
{
    /// <summary>A scope that reads for <paramref name="readership"/>: a singleton serving a request passes the request's.</summary>
    public static AsyncServiceScope CreateReadingScope(this IServiceScopeFactory scopes, Readership readership)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerReadership>().Decide(readership);
        return scope;
    }

    /// <inheritdoc cref="CreateReadingScope(IServiceScopeFactory, Readership)"/>
    public static AsyncServiceScope CreateReadingScope(this IServiceProvider services, Readership readership) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateReadingScope(readership);

    /// <summary>
    /// A scope that reads the members' view, for the hub's own work: ingestion, the bus consumer, the demo network,
    /// start-up and the administration commands. Never for work done on behalf of a caller.
    /// </summary>
    public static AsyncServiceScope CreateNetworkScope(this IServiceScopeFactory scopes) => scopes.CreateReadingScope(Readership.Network);

    /// <inheritdoc cref="CreateNetworkScope(IServiceScopeFactory)"/>
    public static AsyncServiceScope CreateNetworkScope(this IServiceProvider services) => services.CreateReadingScope(Readership.Network);

    /// <summary>The readership the scope of <paramref name="services"/> reads for (an HTTP request's: its caller's).</summary>
    public static Readership ReadershipOf(this IServiceProvider services) => services.GetRequiredService<CallerReadership>().Current;
}
