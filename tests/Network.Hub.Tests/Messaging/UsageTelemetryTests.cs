using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Network.Hub.Tests.Messaging;

/// <summary>
/// The hub makes no outbound call its operator did not configure: MassTransit's usage telemetry (a report to the
/// vendor's server after start-up) is switched off (issue 11, class 12).
/// </summary>
public sealed class UsageTelemetryTests(HubApplication hub)
{
    [Fact]
    public void MassTransit_usage_telemetry_is_off()
    {
        Assert.False(hub.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
