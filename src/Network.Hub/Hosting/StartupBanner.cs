using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Network.Contracts.Catalogue;
using Network.Hub.Demo;

namespace Network.Hub.Hosting;

/// <summary>
/// The lines the hub prints when it has started: where it listens and which endpoints it serves, so a
/// developer who ran <c>dotnet run</c> can click straight through.
/// </summary>
public static class StartupBanner
{
    /// <summary>
    /// Prints the banner to the console once the server listens. Nothing is printed when the server has no
    /// network addresses (the in-memory test server), since there is nowhere to point at.
    /// </summary>
    public static WebApplication PrintBannerOnStartup(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || addresses.Count == 0)
            {
                return;
            }

            var endpoints = ListedEndpoint.From(app.Services.GetRequiredService<EndpointDataSource>());
            var catalogue = app.Services.GetRequiredService<KpiCatalogue>();
            var demo = app.Services.GetService<DemoPeople>();
            // Straight to the console, not through a logger: these lines are for a person, not a log store (the demo
            // password above all, which is printed here only).
            Console.Out.Write(Compose([.. addresses], endpoints, catalogue, demo?.Hint));
            Console.Out.Flush();
        });
        return app;
    }

    /// <summary>The banner text for a hub listening on <paramref name="addresses"/> and serving <paramref name="endpoints"/>.</summary>
    /// <param name="addresses">Where the hub listens.</param>
    /// <param name="endpoints">The endpoints it announces.</param>
    /// <param name="catalogue">The KPI catalogue it serves.</param>
    /// <param name="signIn">The demo's people and their password, when the demo network runs.</param>
    public static string Compose(IReadOnlyList<string> addresses, IReadOnlyList<ListedEndpoint> endpoints, KpiCatalogue catalogue, SignInHint? signIn = null)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine("  Sustainability Network hub");
        text.AppendLine(culture, $"  U4SSC KPI catalogue {catalogue.Version}, {catalogue.All.Count} KPIs");
        text.AppendLine();
        text.AppendLine("  Listening on");
        foreach (var address in addresses)
        {
            text.AppendLine(culture, $"    {address}");
        }

        text.AppendLine();
        text.AppendLine("  Endpoints");
        var root = Browsable(addresses[0]);
        var width = endpoints.Select(e => root.Length + e.Pattern.Length).DefaultIfEmpty(0).Max();
        foreach (var endpoint in endpoints)
        {
            text.AppendLine(culture, $"    {endpoint.Method,-4} {(root + endpoint.Pattern).PadRight(width)}  {endpoint.Summary}");
        }

        if (signIn is not null)
        {
            text.AppendLine();
            text.AppendLine("  Sign in to the demo's desks (one password for these people, new at every start)");
            text.AppendLine(culture, $"    {root}/sign-in");
            text.AppendLine(culture, $"    password   {signIn.Password}");
            var nameWidth = signIn.Accounts.Max(a => a.UserName.Length);
            foreach (var account in signIn.Accounts)
            {
                text.AppendLine(culture, $"    {account.UserName.PadRight(nameWidth)}  {account.Opens}");
            }
        }

        text.AppendLine();
        return text.ToString();
    }

    /// <summary>
    /// The address as one can type it into a browser: a wildcard host (<c>[::]</c>, <c>0.0.0.0</c>,
    /// <c>+</c>, <c>*</c>), which Kestrel reports when bound to every interface, becomes <c>localhost</c>.
    /// </summary>
    public static string Browsable(string address)
    {
        var binding = BindingAddress.Parse(address);
        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return address;
        }

        var host = binding.Host is "[::]" or "0.0.0.0" or "+" or "*" ? "localhost" : binding.Host;
        return string.Create(CultureInfo.InvariantCulture, $"{binding.Scheme}://{host}:{binding.Port}{binding.PathBase}");
    }
}

/// <summary>How to sign in to a demo hub: printed in the start-up banner.</summary>
/// <param name="Accounts">The demo's people.</param>
/// <param name="Password">The password they share.</param>
public sealed record SignInHint(IReadOnlyList<SignInAccount> Accounts, string Password);

/// <summary>One of the demo's people.</summary>
/// <param name="UserName">The user name (an e-mail address).</param>
/// <param name="Opens">The desk the account opens, in words.</param>
public sealed record SignInAccount(string UserName, string Opens);
