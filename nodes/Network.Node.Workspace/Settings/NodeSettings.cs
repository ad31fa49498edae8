using System.Text.Json;
using System.Text.Json.Serialization;

namespace Network.Node.Workspace.Settings;

/// <summary>
/// The node's settings, kept in <c>node.json</c> in its data directory (written by <c>init</c>). The command-line
/// program lets environment variables override any of them (<c>Network__Node__Hub__Transport=http</c>), which is
/// how a container is configured.
/// </summary>
public sealed class NodeSettings
{
    /// <summary>The settings file's name in the data directory.</summary>
    public const string FileName = "node.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The city this node reports for, e.g. <c>NO-5001</c>.</summary>
    public string CityId { get; set; } = "";

    /// <summary>
    /// For a verifier's workspace (<c>verifier init</c>), the verifier id, e.g. <c>demo-verifier</c>; then
    /// <see cref="CityId"/> is empty and the key signs attestations. <see langword="null"/> for a city's node.
    /// </summary>
    public string? VerifierId { get; set; }

    /// <summary>The city's display name, e.g. <c>Trondheim</c> (a verifier's workspace: the organisation's name).</summary>
    public string Name { get; set; } = "";

    /// <summary>The key id (<c>kid</c>) the node signs with; <c>keys activate</c> changes it.</summary>
    public string ActiveKeyId { get; set; } = "";

    /// <summary>Where and how the node delivers to the hub.</summary>
    public HubSettings Hub { get; set; } = new();

    /// <summary>Retries, back-off and timeouts of delivery.</summary>
    public DeliverySettings Delivery { get; set; } = new();

    /// <summary>Reads the settings file at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file is not valid settings JSON.</exception>
    public static NodeSettings Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<NodeSettings>(File.ReadAllText(path), Json)
                ?? throw new FormatException($"{path} holds no settings.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path} is not valid node settings: {e.Message}", e);
        }
    }

    /// <summary>Writes the settings to <paramref name="path"/>, replacing the file atomically, readable by the owner only.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            // It may hold the broker password and the hub client secret: readable by the node's user only.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
