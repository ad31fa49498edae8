using System.CommandLine;
using Network.Contracts.Signing;
using Network.Hub.Embargo;
using Network.Hub.Identity;
using Network.Hub.Keys;
using Network.Hub.People;
using Network.Hub.Storage;
using Network.Hub.Verifiers;

namespace Network.Hub.Administration;

/// <summary>
/// The hub's administration commands, run instead of the server when the first argument names one:
/// <c>dotnet run --project src/Network.Hub -- cities add --id NO-5001 --name Trondheim --jwk key.json</c>, or
/// <c>clients add --coordinator secretariat</c> for the first coordinator's OAuth client, or
/// <c>verifiers assign --id demo-verifier --city NO-5001</c>, or <c>people invite --email … --name … --role coordinator</c>
/// for the first person to sign in to the coordinator's desks.
/// They act on the configured database (the same settings as the server) and exit.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Verbs = ["cities", "keys", "clients", "verifiers", "people"];

    /// <summary>Whether <paramref name="args"/> asks for an admin command rather than the server.</summary>
    public static bool AreRequested(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Runs the command and returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output)
    {
        var root = new RootCommand("Sustainability Network hub administration.");
        root.Subcommands.Add(Cities(output));
        root.Subcommands.Add(Keys(output));
        root.Subcommands.Add(Clients(output));
        root.Subcommands.Add(Verifiers(output));
        root.Subcommands.Add(People(output));
        return root.Parse(args).InvokeAsync();
    }

    private static Command Cities(TextWriter output)
    {
        var id = new Option<string>("--id") { Description = "City id, e.g. NO-5001.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name, e.g. Trondheim.", Required = true };
        var jwk = new Option<FileInfo?>("--jwk") { Description = "File with the city's public key (JWK), as printed by the node's init." };
        var kid = new Option<string?>("--kid") { Description = "Key id; default: the key's RFC 7638 thumbprint (what the node uses)." };
        var population = new Option<int?>("--population") { Description = "Inhabitants, for context filters." };

        var add = new Command("add", "Register a city (or rename it), optionally with its public key.") { id, name, jwk, kid, population };
        add.SetAction((result, ct) => WithRegistry(output, async registry =>
        {
            var city = await registry.AddOrUpdateCityAsync(result.GetValue(id)!, result.GetValue(name)!, result.GetValue(population), ct: ct);
            await output.WriteLineAsync($"City {city.Id} ({city.Name}) registered.");
            if (result.GetValue(jwk) is { } file)
            {
                await RegisterKeyAsync(registry, output, city.Id, file, result.GetValue(kid), ct);
            }
        }));

        var list = new Command("list", "List the cities and their keys.");
        list.SetAction((_, ct) => WithRegistry(output, async registry =>
        {
            foreach (var city in await registry.ListAsync(ct))
            {
                await output.WriteLineAsync($"{city.Id}  {city.Name}{(city.IsSynthetic ? "  (synthetic demo data)" : "")}");
                foreach (var key in city.Keys)
                {
                    var state = key.RevokedAt is { } r ? $"revoked {r:yyyy-MM-dd HH:mm}" : "active";
                    await output.WriteLineAsync($"    key {key.KeyId}  valid from {key.ValidFrom:yyyy-MM-dd}  {state}");
                }
            }
        }));

        return new Command("cities", "Member cities.") { add, list };
    }

    private static Command Keys(TextWriter output)
    {
        var city = new Option<string>("--city") { Description = "City id the key belongs to.", Required = true };
        var jwk = new Option<FileInfo>("--jwk") { Description = "File with the public key (JWK).", Required = true };
        var kid = new Option<string?>("--kid") { Description = "Key id; default: the key's RFC 7638 thumbprint." };
        var add = new Command("add", "Register another key for a city (rotation: old and new are both valid until the old one is revoked).") { city, jwk, kid };
        add.SetAction((result, ct) => WithRegistry(output, registry =>
            RegisterKeyAsync(registry, output, result.GetValue(city)!, result.GetValue(jwk)!, result.GetValue(kid), ct)));

        var revokeKid = new Option<string>("--kid") { Description = "The key id to revoke.", Required = true };
        var revoke = new Command("revoke", "Revoke a key (a city's or a verifier's): new snapshots or attestations signed with it are refused; accepted ones stay.") { revokeKid };
        revoke.SetAction((result, ct) => WithServices(output, async services =>
        {
            // Key ids are unique across cities' and verifiers' keys: the id alone says whose key it is.
            var kid = result.GetValue(revokeKid)!;
            if (await services.GetRequiredService<KeyRegistry>().RevokeKeyAsync(kid, ct) is { } key)
            {
                await output.WriteLineAsync($"Key {key.KeyId} of {key.CityId} revoked at {key.RevokedAt:yyyy-MM-dd HH:mm:ss} UTC.");
            }
            else if (await services.GetRequiredService<VerifierRegistry>().RevokeKeyAsync(kid, ct) is { } verifierKey)
            {
                await output.WriteLineAsync($"Key {verifierKey.KeyId} of the verifier {verifierKey.VerifierId} revoked at {verifierKey.RevokedAt:yyyy-MM-dd HH:mm:ss} UTC.");
            }
            else
            {
                throw new InvalidOperationException($"No key has the id '{kid}'.");
            }
        }));

        return new Command("keys", "The key registry.") { add, revoke };
    }

    private static Command Clients(TextWriter output)
    {
        var city = new Option<string?>("--city") { Description = "Create the OAuth client of this city's node (client id node-<city>), e.g. NO-5001." };
        var coordinator = new Option<string?>("--coordinator") { Description = "Create a coordinator's OAuth client with this name (client id coordinator-<name>)." };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"A scope the client may ask for (repeat for several): {string.Join(", ", Scopes.All)}. Default: {string.Join(" and ", Scopes.Node)} for a node, {Scopes.Coordinate} and {Scopes.Read} for a coordinator.",
            AllowMultipleArgumentsPerToken = true,
        };
        var add = new Command("add", "Create an OAuth client (client credentials) and print its id and secret, once. An existing client gets a new secret.") { city, coordinator, scopes };
        add.Validators.Add(result =>
        {
            if ((result.GetValue(city) is null) == (result.GetValue(coordinator) is null))
            {
                result.AddError("Give exactly one of --city CITY (a node's client) and --coordinator NAME.");
            }
        });
        add.SetAction((result, ct) => WithServices(output, async services =>
        {
            var clients = services.GetRequiredService<ClientRegistry>();
            var requested = result.GetValue(scopes) is { Length: > 0 } given ? given : null;
            var created = result.GetValue(city) is { } cityId
                ? await clients.AddNodeClientAsync(cityId, await NodeNameAsync(services, cityId, ct), requested, ct: ct)
                : await clients.AddCoordinatorClientAsync(result.GetValue(coordinator)!, requested, ct: ct);
            await output.WriteLineAsync($"{(created.Replaced ? "Replaced the secret of" : "Created")} the OAuth client {created.ClientId} (scopes: {string.Join(", ", created.Scopes)}{(created.CityId is { } c ? $"; city {c}" : "")}).");
            await output.WriteLineAsync();
            await output.WriteLineAsync($"  client id      {created.ClientId}");
            await output.WriteLineAsync($"  client secret  {created.ClientSecret}");
            await output.WriteLineAsync();
            await output.WriteLineAsync($"The secret is shown this once; the hub keeps only its hash. Get a token with POST {TokenEndpoint.Path} (grant_type=client_credentials).");
            if (created.Replaced)
            {
                await output.WriteLineAsync("The old secret no longer works, and the tokens it was given are refused (by a running hub within Network:Identity:ClientStampCacheLifetime).");
            }

        }));

        var list = new Command("list", "List the OAuth clients, their scopes and cities (never their secrets).");
        list.SetAction((_, ct) => WithServices(output, async services =>
        {
            foreach (var client in await services.GetRequiredService<ClientRegistry>().ListAsync(ct))
            {
                await output.WriteLineAsync($"{client.ClientId}  {client.DisplayName}  scopes: {string.Join(", ", client.Scopes)}{(client.CityId is { } c ? $"  city: {c}" : "")}");
            }
        }));

        var clientId = new Option<string>("--id") { Description = "The client id to remove, e.g. node-NO-5001 or coordinator-secretariat (clients list shows them).", Required = true };
        var remove = new Command("remove", "Remove an OAuth client: its secret stops working and its access tokens are refused.") { clientId };
        remove.SetAction((result, ct) => WithServices(output, async services =>
        {
            var id = result.GetValue(clientId)!;
            if (!await services.GetRequiredService<ClientRegistry>().RemoveAsync(id, ct))
            {
                throw new InvalidOperationException($"No client has the id '{id}'; clients list shows them.");
            }

            var lifetime = (services.GetRequiredService<IConfiguration>().GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions()).ClientStampCacheLifetime;
            await output.WriteLineAsync($"Removed the OAuth client {id}. A running hub refuses its access tokens within {lifetime.TotalSeconds:0} s (Network:Identity:ClientStampCacheLifetime).");
        }));

        return new Command("clients", "The OAuth clients of nodes and coordinators.") { add, list, remove };
    }

    private static Command Verifiers(TextWriter output)
    {
        var list = new Command("list", "List the verifiers, their keys and the cities each is assigned to.");
        list.SetAction((_, ct) => WithServices(output, async services =>
        {
            var registry = services.GetRequiredService<VerifierRegistry>();
            foreach (var verifier in await registry.ListAsync(ct))
            {
                var cities = await registry.AssignedCitiesAsync(verifier.Id, ct);
                await output.WriteLineAsync($"{verifier.Id}  {verifier.Name}  cities: {(cities.Count == 0 ? "none" : string.Join(", ", cities))}");
                foreach (var key in verifier.Keys)
                {
                    var state = key.RevokedAt is { } r ? $"revoked {r:yyyy-MM-dd HH:mm}" : "active";
                    await output.WriteLineAsync($"    key {key.KeyId}  valid from {key.ValidFrom:yyyy-MM-dd}  {state}");
                }
            }
        }));

        var id = new Option<string>("--id") { Description = "The verifier id, e.g. demo-verifier.", Required = true };
        var city = new Option<string>("--city") { Description = "The city id, e.g. NO-5001.", Required = true };
        var assign = new Command("assign", "Assign a verifier to a city: it may attest the city's values from now on.") { id, city };
        assign.SetAction((result, ct) => WithServices(output, async services =>
        {
            var change = await services.GetRequiredService<VerifierRegistry>().AssignAsync(result.GetValue(id)!, result.GetValue(city)!, "admin command", ct);
            await output.WriteLineAsync(change.Changed
                ? $"The verifier {change.Assignment.VerifierId} is assigned to {change.Assignment.CityId}."
                : $"The verifier {change.Assignment.VerifierId} was assigned to {change.Assignment.CityId} already (since {change.Assignment.AssignedAt:yyyy-MM-dd HH:mm} UTC).");
        }));

        var unassign = new Command("unassign", "End a verifier's assignment to a city: its attestations for the city are refused from now on.") { id, city };
        unassign.SetAction((result, ct) => WithServices(output, async services =>
        {
            var ended = await services.GetRequiredService<VerifierRegistry>().EndAssignmentAsync(result.GetValue(id)!, result.GetValue(city)!, "admin command", ct)
                ?? throw new InvalidOperationException($"The verifier {result.GetValue(id)} is not assigned to {result.GetValue(city)}.");
            await output.WriteLineAsync($"The assignment of {ended.VerifierId} to {ended.CityId} ended at {ended.EndedAt:yyyy-MM-dd HH:mm:ss} UTC.");
        }));

        return new Command("verifiers", "The network's verifiers (they join by enrollment) and the cities each is assigned to.") { list, assign, unassign };
    }

    private static Command People(TextWriter output)
    {
        var email = new Option<string>("--email") { Description = "The person's e-mail address: their user name.", Required = true };
        var name = new Option<string>("--name") { Description = "The person's name.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", PersonRole.Kinds)}.", Required = true };
        var city = new Option<string?>("--city") { Description = "The city id of an analyst, e.g. NO-5001." };
        var verifier = new Option<string?>("--verifier") { Description = "The verifier id of a verifier's person, e.g. demo-verifier." };
        var address = new Option<string?>("--hub-address") { Description = "The hub's public address, for the link; default: Network:Identity:Issuer, else http://localhost:5080/." };
        var invite = new Command("invite", $"Invite a person and print the invitation link, once (it works for {Invitations.Lifetime.TotalDays} days, once): the first coordinator of a hub is made so.")
            { email, name, role, city, verifier, address };
        invite.SetAction((result, ct) => WithServices(output, async services =>
        {
            var (parsed, problem) = PersonRole.Parse(result.GetValue(role), result.GetValue(city), result.GetValue(verifier));
            var personRole = parsed ?? throw new InvalidOperationException(problem);
            var (invitation, token, refused) = await services.GetRequiredService<Invitations>().InviteAsync(result.GetValue(email), result.GetValue(name), personRole, "admin command", ct);
            if (invitation is null)
            {
                throw new InvalidOperationException(refused);
            }

            var given = result.GetValue(address);
            if (given is not null && (!Uri.TryCreate(given, UriKind.Absolute, out _) || !given.StartsWith("http", StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"--hub-address must be the hub's public address as an absolute http(s) URL, e.g. https://hub.example.org/; it is '{given}'.");
            }

            var hub = (given is null ? null : new Uri(given))
                ?? (services.GetRequiredService<IConfiguration>().GetSection(IdentityOptions.Section).Get<IdentityOptions>()?.Issuer)
                ?? new Uri("http://localhost:5080/");
            await output.WriteLineAsync($"Invited {invitation.Name} as {personRole.Describe()}. Send them this link (shown this once; the hub keeps only its hash), valid until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC:");
            await output.WriteLineAsync();
            await output.WriteLineAsync($"  {hub.AbsoluteUri.TrimEnd('/')}{Invitations.PathPrefix}{token}");
            await output.WriteLineAsync();
            await output.WriteLineAsync("They open it, choose a password, and sign in at /sign-in with their e-mail address.");
        }));

        var list = new Command("list", "List the people with an account and their roles.");
        list.SetAction((_, ct) => WithServices(output, async services =>
        {
            foreach (var person in await services.GetRequiredService<PeopleAccounts>().ListAsync(ct))
            {
                await output.WriteLineAsync($"{person.Email}  {person.Name}  {person.Role.Describe()}{(person.TwoFactor ? "  authenticator codes on" : "")}");
            }
        }));

        return new Command("people", "People's accounts for the hub's pages (they sign in at /sign-in).") { invite, list };
    }

    private static async Task<string> NodeNameAsync(IServiceProvider services, string cityId, CancellationToken ct) =>
        (await services.GetRequiredService<KeyRegistry>().ListAsync(ct)).FirstOrDefault(c => c.Id == cityId) is { } city
            ? $"{city.Name}'s node"
            : $"node of {cityId}";

    private static async Task RegisterKeyAsync(KeyRegistry registry, TextWriter output, string cityId, FileInfo file, string? kid, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The key file {file.FullName} does not exist.");
        }

        var json = await File.ReadAllTextAsync(file.FullName, ct);
        if (!EcPublicJwk.TryParse(json, out var key, out var error))
        {
            throw new InvalidOperationException($"{file.Name} is not a usable public key: {error}.");
        }

        var record = await registry.RegisterKeyAsync(cityId, key!, kid, ct: ct);
        await output.WriteLineAsync($"Key {record.KeyId} registered for {cityId}.");
    }

    private static Task<int> WithRegistry(TextWriter output, Func<KeyRegistry, Task> action) =>
        WithServices(output, services => action(services.GetRequiredService<KeyRegistry>()));

    // Builds a host with the server's configuration and storage (migrated) and the OAuth client store, but no web
    // server, no token signing and no bus.
    private static async Task<int> WithServices(TextWriter output, Func<IServiceProvider, Task> action)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.Services.AddScoped<KeyRegistry>();
        builder.Services.AddScoped<VerifierRegistry>();
        builder.Services.AddClientStore();
        builder.Services.AddPeopleStore();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await using var scope = host.Services.CreateNetworkScope(); // the operator's own tool reads everything
            await action(scope.ServiceProvider);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            await output.WriteLineAsync($"error: {message}");
            return 1;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
