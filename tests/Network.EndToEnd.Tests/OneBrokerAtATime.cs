namespace Network.EndToEnd.Tests;

/// <summary>
/// Every test that talks to the broker runs in this one collection, one at a time: the fault tests stop and
/// restart RabbitMQ itself, which no other broker test may notice.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OneBrokerAtATime
{
    public const string Name = "RabbitMQ broker";
}
