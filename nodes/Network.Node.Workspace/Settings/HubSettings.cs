using System.Text.Json.Serialization;

namespace Network.Node.Workspace.Settings;

/// <summary>How the node reaches the hub.</summary>
public sealed class HubSettings
{
    /// <summary>RabbitMQ (the default) or HTTPS.</summary>
    public HubTransport Transport { get; set; } = HubTransport.RabbitMq;

    /// <summary>The hub's base address, for the HTTP transport: snapshots go to <c>{Url}/api/snapshots</c>.</summary>
    public Uri Url { get; set; } = new("http://localhost:5080");

    /// <summary>The broker, for the RabbitMQ transport.</summary>
    public RabbitMqSettings RabbitMq { get; set; } = new();

    /// <summary>
    /// The node's OAuth client id at the hub (<c>node-NO-5001</c>), from the coordinator's approval of its enrollment;
    /// for the HTTP transport, which sends each snapshot with an access token obtained with this id and the secret.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret. Better given by the environment (<c>Network__Node__Hub__ClientSecret</c>) than kept in node.json.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The client id and secret, when both are set.</summary>
    public HubClientCredentials? Credentials =>
        string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrEmpty(ClientSecret) ? null : new HubClientCredentials(ClientId, ClientSecret);

    /// <summary>Where snapshots go, in words, for messages: "RabbitMQ at localhost:5672 (virtual host /)".</summary>
    public string Describe() => Transport == HubTransport.Http
        ? $"the hub at {Url} over HTTP"
        : $"RabbitMQ at {RabbitMq.Host}:{RabbitMq.Port} (virtual host {RabbitMq.VirtualHost})";
}

/// <summary>A node's OAuth client credentials at the hub (client credentials grant).</summary>
/// <param name="ClientId">The client id, e.g. <c>node-NO-5001</c>.</param>
/// <param name="ClientSecret">The secret the coordinator's approval returned.</param>
public sealed record HubClientCredentials(string ClientId, string ClientSecret)
{
    /// <summary>The id only: a secret is never printed or logged.</summary>
    public override string ToString() => ClientId;
}

/// <summary>The ways a node can deliver snapshots.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HubTransport>))]
public enum HubTransport
{
    /// <summary><c>rabbitmq</c>: publish <c>SnapshotSubmitted</c> on the broker; answers come back on the node's queue.</summary>
    [JsonStringEnumMemberName("rabbitmq")]
    RabbitMq,

    /// <summary><c>http</c>: <c>POST {hub}/api/snapshots</c>; the answer is the response.</summary>
    [JsonStringEnumMemberName("http")]
    Http,
}

/// <summary>The RabbitMQ broker the hub listens on.</summary>
public sealed class RabbitMqSettings
{
    /// <summary>Host name.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>AMQP port.</summary>
    public ushort Port { get; set; } = 5672;

    /// <summary>Virtual host.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name.</summary>
    public string Username { get; set; } = "guest";

    /// <summary>Password. Better given by the environment (<c>Network__Node__Hub__RabbitMq__Password</c>) than kept in node.json.</summary>
    public string Password { get; set; } = "guest";
}
