using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Contracts.Enrollment;
using Network.Hub.Embargo;
using Network.Hub.Identity;
using Network.Hub.Storage;

namespace Network.Hub.Demo;

/// <summary>
/// A synthetic city asking to join the demo network, so the coordinator's enrollments desk has a request waiting the
/// first time anyone opens it: a real enrollment request (ES256, signed with the key it carries, made and kept like the
/// other demo keys), submitted through the same service as <c>POST /api/enrollments</c>. Submitted once per database:
/// once a coordinator approved or rejected it, it stays decided.
/// </summary>
internal sealed class DemoEnrollment(IServiceScopeFactory scopes, IOptions<DemoOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<DemoEnrollment> logger)
    : IHostedService
{
    /// <summary>The city asking to join.</summary>
    public const string CityId = "NO-9904";

    /// <summary>Its name, which says what it is.</summary>
    public const string CityName = "Sjøby (synthetic demo, asking to join)";

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateNetworkScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        if (await db.Enrollments.AnyAsync(e => e.CityId == CityId, cancellationToken) || await db.Cities.AnyAsync(c => c.Id == CityId, cancellationToken))
        {
            return;
        }

        using var key = await DemoKeys.LoadOrCreateAsync(Path.Combine(environment.ContentRootPath, options.Value.KeyDirectory), CityId, cancellationToken);
        var request = new EnrollmentRequest(CityId, CityName, key.PublicJwk, "planning@sjoby.example", time.GetUtcNow()).Sign(key);
        var submitted = await scope.ServiceProvider.GetRequiredService<Enrollments>().SubmitAsync(request, cancellationToken);
        if (submitted.Enrollment is null)
        {
            logger.LogError("The demo's enrollment request was not kept: {Problems}",
                submitted.Conflict ?? string.Join("; ", submitted.Problems.Select(p => p.ToString())));
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
