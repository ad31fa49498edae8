namespace Network.Hub.Pages.Desk.Coordinator;

/// <summary>The coordinator's desk pages beyond enrollments and people: cities and keys, verifiers, target sets and the network view.</summary>
public static class CoordinatorPages
{
    /// <summary>Registers what the pages read through.</summary>
    public static IServiceCollection AddCoordinatorPages(this IServiceCollection services)
    {
        services.AddScoped<NetworkViewReader>();
        return services;
    }
}
