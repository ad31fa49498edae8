using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Network.Hub.Tests.Identity;

/// <summary>
/// A hub's builder in the Production environment, for tests of what a production hub refuses to start without.
/// The hub's entry point turns a <c>StartupFailureException</c> into one line on stderr and exit code 2 (the process
/// tests in <c>Storage/StartupFailureTests</c> check that); in-process, the refusal is seen where it is raised.
/// </summary>
internal static class ProductionHub
{
    public static WebApplicationBuilder Builder(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
