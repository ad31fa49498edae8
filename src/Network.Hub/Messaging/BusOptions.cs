namespace Network.Hub.Messaging;

/// <summary>The message bus: configuration section <c>Network:Bus</c>.</summary>
public sealed class BusOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:Bus";

    /// <summary><c>InMemory</c> (embedded default: one process) or <c>RabbitMq</c> (production).</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>The broker, when <see cref="Transport"/> is <c>RabbitMq</c>.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>How many submissions the hub verifies and commits in one transaction, at most.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>How many messages the broker may hand the hub before acknowledgements.</summary>
    public int PrefetchCount { get; set; } = 128;
}

/// <summary>The transports the hub can run on.</summary>
public enum BusTransport
{
    /// <summary>MassTransit's in-memory transport: only within one process (the embedded demo).</summary>
    InMemory,

    /// <summary>RabbitMQ.</summary>
    RabbitMq,
}

/// <summary>Where the RabbitMQ broker is.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Host name.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>AMQP port.</summary>
    public ushort Port { get; set; } = 5672;

    /// <summary>Virtual host.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name.</summary>
    public string Username { get; set; } = "guest";

    /// <summary>Password.</summary>
    public string Password { get; set; } = "guest";
}
