using Microsoft.Extensions.Configuration;
using Network.Node.Workspace.Settings;

namespace Network.Node.Cli;

/// <summary>
/// The settings in force: <c>node.json</c>, then environment variables named <c>Network__Node__</c> plus the setting's
/// path (<c>Network__Node__Hub__Transport=http</c>, <c>Network__Node__Hub__RabbitMq__Host=rabbitmq</c>), which win.
/// Containers are configured this way; <c>init</c> writes the file.
/// </summary>
internal static class NodeConfiguration
{
    /// <summary>The prefix of the environment variables that override node.json.</summary>
    public const string EnvironmentPrefix = "Network__Node__";

    public static NodeSettings Load(DataDirectory directory)
    {
        // node.json is read by the same serializer that wrote it, then the environment is bound over it.
        var settings = NodeSettings.Load(directory.SettingsFile);
        new ConfigurationBuilder()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build()
            .Bind(settings);
        return settings;
    }
}
