using System.CommandLine;
using Network.Node.Cli;
using Network.Node.Workspace;
using Network.Node.Workspace.Settings;

namespace Network.Node.Commands;

/// <summary><c>init</c>: sets up a node (data directory, key pair, settings, database) and says how to register it.</summary>
internal static class InitCommand
{
    public static Command Create(Terminal terminal)
    {
        var defaults = new NodeSettings();
        var city = new Option<string>("--city") { Description = "The city id: ISO country code, a dash, the municipality number, e.g. NO-5001.", Required = true };
        var name = new Option<string>("--name") { Description = "The city's name, e.g. Trondheim.", Required = true };
        var transport = new Option<string>("--hub-transport") { Description = "How to reach the hub: rabbitmq or http.", DefaultValueFactory = _ => "rabbitmq" };
        transport.AcceptOnlyFromAmong("rabbitmq", "http");
        var url = new Option<Uri>("--hub-url")
        {
            Description = "The hub's address, for http.",
            DefaultValueFactory = _ => defaults.Hub.Url,
            HelpName = "URL",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
                {
                    return parsed;
                }

                r.AddError($"'{text}' is not the hub's address: give an http or https URL, e.g. https://hub.example.org.");
                return null;
            },
        };
        var host = new Option<string>("--rabbitmq-host") { Description = "The broker's host.", DefaultValueFactory = _ => defaults.Hub.RabbitMq.Host };
        var port = new Option<ushort>("--rabbitmq-port") { Description = "The broker's AMQP port.", DefaultValueFactory = _ => defaults.Hub.RabbitMq.Port };
        var vhost = new Option<string>("--rabbitmq-vhost") { Description = "The broker's virtual host.", DefaultValueFactory = _ => defaults.Hub.RabbitMq.VirtualHost };
        var user = new Option<string>("--rabbitmq-user") { Description = "The broker user.", DefaultValueFactory = _ => defaults.Hub.RabbitMq.Username };
        var password = new Option<string>("--rabbitmq-password") { Description = "The broker password (or set Network__Node__Hub__RabbitMq__Password instead).", DefaultValueFactory = _ => defaults.Hub.RabbitMq.Password };
        var contact = new Option<string?>("--contact") { Description = "An e-mail address the network coordinator can reach you at, for the enrollment request.", HelpName = "EMAIL" };
        var clientId = new Option<string?>("--client-id") { Description = "The node's OAuth client id at the hub, if the coordinator gave you one already (else: `credentials` later)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Its secret (or set Network__Node__Hub__ClientSecret instead)." };

        var command = new Command("init", "Set up this city's node: a data directory, a new signing key, settings and the database.")
        {
            city, name, transport, url, host, port, vhost, user, password, contact, clientId, clientSecret,
        };
        command.SetAction(async (result, ct) =>
        {
            var settings = new NodeSettings
            {
                CityId = result.GetValue(city)!.Trim(),
                Name = result.GetValue(name)!.Trim(),
                Hub = new HubSettings
                {
                    Transport = result.GetValue(transport) == "http" ? HubTransport.Http : HubTransport.RabbitMq,
                    Url = result.GetValue(url)!,
                    RabbitMq = new RabbitMqSettings
                    {
                        Host = result.GetValue(host)!,
                        Port = result.GetValue(port),
                        VirtualHost = result.GetValue(vhost)!,
                        Username = result.GetValue(user)!,
                        Password = result.GetValue(password)!,
                    },
                    ClientId = result.GetValue(clientId),
                    ClientSecret = result.GetValue(clientSecret),
                },
            };

            var directory = NodeOptions.Directory(result);
            var (node, key) = await NodeWorkspace.InitialiseAsync(directory, settings, ct: ct);
            node.WriteEnrollmentRequest(result.GetValue(contact));
            var o = terminal.Out;
            await o.WriteLineAsync($"Set up the node of {settings.Name} ({settings.CityId}) in {Shell.Path(directory.Path)}.");
            await o.WriteLineAsync();
            await o.WriteLineAsync($"  settings     {Shell.Path(directory.SettingsFile)}  (delivers to {settings.Hub.Describe()})");
            await o.WriteLineAsync($"  database     {Shell.Path(directory.DatabaseFile)}");
            await o.WriteLineAsync($"  signing key  {key.KeyId}");
            await o.WriteLineAsync($"  private key  {Shell.Path(key.PrivateKeyFile)}  (readable by you only; it never leaves this machine)");
            await o.WriteLineAsync($"  public key   {Shell.Path(key.PublicKeyFile)}");
            await o.WriteLineAsync($"  enrollment   {Shell.Path(directory.EnrollmentFile)}  (the request to join, signed with the key)");
            await o.WriteLineAsync();
            await o.WriteLineAsync("The city's public key (JWK):");
            await o.WriteLineAsync(key.PublicJwk);
            await o.WriteLineAsync();
            await o.WriteLineAsync("Ask to join the network: `enroll --hub URL` sends the enrollment request to the hub, where the network");
            await o.WriteLineAsync("coordinator approves it and gives you the node's client id and secret (then: `credentials`). Or send the");
            await o.WriteLineAsync("public key file to the coordinator, who registers the city with:");
            await o.WriteLineAsync("  " + Shell.HubCommand("cities", "add", "--id", settings.CityId, "--name", settings.Name, "--jwk", Shell.Path(key.PublicKeyFile)));
            await o.WriteLineAsync();
            await o.WriteLineAsync("Next: `template --format xlsx` writes a value file to fill in; `import FILE --period YEAR` reads it.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
