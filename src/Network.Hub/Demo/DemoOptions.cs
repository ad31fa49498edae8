namespace Network.Hub.Demo;

/// <summary>The embedded demo network: configuration section <c>Network:Demo</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:Demo";

    /// <summary>
    /// Whether to run the demo network. Unset means: on for the embedded default (in-memory bus), off
    /// otherwise, so a production hub never registers demo keys by accident.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Where the demo cities' private keys are kept between runs, relative to the content root.</summary>
    public string KeyDirectory { get; set; } = Path.Combine("data", "demo-keys");
}
