using MassTransit;
using Network.Contracts.Messages;
using Network.Messaging;

namespace Network.Hub.Messaging;

/// <summary>Registers MassTransit on the configured transport with the hub's consumer and answer routing.</summary>
public static class MessagingExtensions
{
    /// <summary>Adds the bus: in-memory (default) or RabbitMQ, per <see cref="BusOptions"/>.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(BusOptions.Section);
        builder.Services.Configure<BusOptions>(section);
        var options = section.Get<BusOptions>() ?? new BusOptions();

        // Start-up completes only once the bus is connected and the queue declared: a hub that says it is up
        // takes work. On shutdown, finish the batch in hand before stopping.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its vendor over the internet unless told not to; a municipality's hub makes
            // no outbound call its operator did not configure (the MASSTRANSIT_USAGE_TELEMETRY variable can still
            // turn it on, which is then the operator's choice).
            bus.DisableUsageTelemetry();
            bus.AddConsumer<SnapshotSubmittedConsumer, SnapshotSubmittedConsumerDefinition>();
            bus.AddConsumer<AttestationSubmittedConsumer, AttestationSubmittedConsumerDefinition>();

            if (options.Transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = options.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    cfg.RouteAnswersByCity();
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        return builder;
    }

    /// <summary>
    /// Answers go to topic exchanges with the city id as routing key (<see cref="AnswerRouting"/>), attestation answers
    /// with the verifier id. The topology
    /// itself lives in <see cref="AnswerTopology"/> (project Network.Messaging), beside the binding the nodes use,
    /// so both ends declare the exchanges the same way; this name stays for the hub's own callers.
    /// </summary>
    public static void RouteAnswersByCity(this IRabbitMqBusFactoryConfigurator cfg)
    {
        cfg.PublishAnswersByCity();
        cfg.PublishAttestationAnswersByVerifier();
    }
}
