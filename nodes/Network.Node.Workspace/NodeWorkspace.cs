using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Network.Contracts.Enrollment;
using Network.Contracts.Snapshots;
using Network.Node.Workspace.Delivery;
using Network.Node.Workspace.Keys;
using Network.Node.Workspace.Publishing;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;
using Network.ValueFiles;
using ImportResult = Network.Contracts.Results.Result<System.Collections.Generic.IReadOnlyList<Network.Contracts.Snapshots.KpiValue>, Network.ValueFiles.ImportError>;

namespace Network.Node.Workspace;

/// <summary>
/// A city node's workspace: its data directory (settings, keys, database) and what an analyst does with it. The
/// command-line program is a thin shell around this; tests drive it directly.
/// </summary>
public sealed class NodeWorkspace
{
    private NodeWorkspace(DataDirectory directory, NodeSettings settings, TimeProvider time)
    {
        Directory = directory;
        Settings = settings;
        Time = time;
        Keys = new KeyStore(directory.KeysDirectory);
        Store = new SnapshotStore(new NodeDatabase(directory.DatabaseFile));
    }

    /// <summary>The data directory.</summary>
    public DataDirectory Directory { get; }

    /// <summary>The settings in force (node.json, with any overrides the caller applied).</summary>
    public NodeSettings Settings { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The city's keys.</summary>
    public KeyStore Keys { get; }

    /// <summary>The node's snapshots and outbox.</summary>
    public SnapshotStore Store { get; }

    /// <summary>
    /// Sets up a node in <paramref name="directory"/>: the directory, a new P-256 key pair, <c>node.json</c> and the
    /// database. Refuses a directory that already holds a node: its key must never be overwritten.
    /// </summary>
    /// <exception cref="NodeSetupException">The directory holds a node already, or the city id is not valid.</exception>
    public static async Task<(NodeWorkspace Node, NodeKey Key)> InitialiseAsync(DataDirectory directory, NodeSettings settings, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(settings);
        if (directory.IsInitialised)
        {
            throw new NodeSetupException($"{directory.Path} already holds the node of {NodeSettings.Load(directory.SettingsFile).CityId}; its key is never overwritten. Use another --data directory, or run the other commands there.");
        }

        if (CityId.Explain(settings.CityId) is { } why)
        {
            throw new NodeSetupException($"The city id is not valid: {why}.");
        }

        if (string.IsNullOrWhiteSpace(settings.Name))
        {
            throw new NodeSetupException("The city needs a name, e.g. --name Trondheim.");
        }

        System.IO.Directory.CreateDirectory(directory.Path);
        var node = new NodeWorkspace(directory, settings, time ?? TimeProvider.System);
        var key = node.Keys.Create();
        settings.ActiveKeyId = key.KeyId;
        await new NodeDatabase(directory.DatabaseFile).EnsureCreatedAsync(ct);
        settings.Save(directory.SettingsFile);
        return (node, key);
    }

    /// <summary>
    /// Sets up a verifier's workspace in <paramref name="directory"/>: the directory, a new P-256 key pair (kept as a
    /// city node keeps its key, to sign attestations) and <c>node.json</c> naming the verifier. Refuses a directory
    /// that already holds a node or a verifier.
    /// </summary>
    /// <exception cref="NodeSetupException">The directory is taken, or the verifier id or name is not valid.</exception>
    public static async Task<(NodeWorkspace Verifier, NodeKey Key)> InitialiseVerifierAsync(DataDirectory directory, NodeSettings settings, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(settings);
        if (directory.IsInitialised)
        {
            throw new NodeSetupException($"{directory.Path} already holds a workspace; its key is never overwritten. Use another --data directory.");
        }

        if (!Network.Contracts.Attestations.AttestationFormat.IsVerifierId(settings.VerifierId))
        {
            throw new NodeSetupException($"'{settings.VerifierId}' is not a verifier id: 3 to 64 lower-case letters, digits and dashes, e.g. demo-verifier.");
        }

        if (string.IsNullOrWhiteSpace(settings.Name) || settings.Name.Length > 200)
        {
            throw new NodeSetupException("The verifier needs the organisation's name (1 to 200 characters), e.g. --name \"Demo Verifier\".");
        }

        settings.CityId = "";
        System.IO.Directory.CreateDirectory(directory.Path);
        var workspace = new NodeWorkspace(directory, settings, time ?? TimeProvider.System);
        var key = workspace.Keys.Create();
        settings.ActiveKeyId = key.KeyId;
        await new NodeDatabase(directory.DatabaseFile).EnsureCreatedAsync(ct);
        settings.Save(directory.SettingsFile);
        return (workspace, key);
    }

    /// <summary>
    /// A session with the hub's API over HTTPS, with the workspace's client credentials (for the question threads and
    /// the verifier's work); <paramref name="http"/> is a new client with the send timeout when not given.
    /// </summary>
    /// <exception cref="NodeSetupException">The workspace has no client id and secret yet.</exception>
    public Verification.HubSession OpenHubSession(HttpClient? http = null)
    {
        var credentials = Settings.Hub.Credentials ?? throw new NodeSetupException(
            "This needs the client id and secret the coordinator's approval gave: `credentials --client-id ... --client-secret ...`.");
        return new Verification.HubSession(http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(Settings.Delivery.SendTimeoutSeconds) }, Settings.Hub.Url, credentials, ownsClient: http is null);
    }

    /// <summary>Opens the node in <paramref name="directory"/>, with <paramref name="settings"/> if given (else node.json).</summary>
    /// <exception cref="NodeSetupException">No node has been set up there.</exception>
    public static async Task<NodeWorkspace> OpenAsync(DataDirectory directory, NodeSettings? settings = null, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!directory.IsInitialised)
        {
            throw new NodeSetupException($"There is no node in {Path.GetFullPath(directory.Path)}. Set one up with `init --city NO-5001 --name Trondheim`, or point to it with --data or {DataDirectory.EnvironmentVariable}.");
        }

        var node = new NodeWorkspace(directory, settings ?? NodeSettings.Load(directory.SettingsFile), time ?? TimeProvider.System);
        await new NodeDatabase(directory.DatabaseFile).EnsureCreatedAsync(ct);
        return node;
    }

    /// <summary>
    /// Reads a value file for <paramref name="period"/> and <paramref name="status"/>; when it has no errors, stores it
    /// as a draft, replacing an unpublished draft for the same period and status.
    /// </summary>
    public Task<ImportOutcome> ImportAsync(string file, int period, SnapshotStatus status, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        ImportAsync(file, new ImportTarget(Settings.CityId, period, status), progress, ct);

    /// <summary>
    /// Reads a value file as a correction of the node's own accepted snapshot <paramref name="supersedes"/> (same
    /// period) and stores it as a draft, ready to publish.
    /// </summary>
    /// <exception cref="NodeSetupException">The node has no accepted snapshot with this id.</exception>
    public async Task<ImportOutcome> CorrectAsync(Guid supersedes, string file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var target = await Store.FindAsync(supersedes, ct);
        if (target is null)
        {
            throw new NodeSetupException($"This node has no snapshot {supersedes}. A correction supersedes one of the node's own accepted snapshots; `status` lists them.");
        }

        if (target.State != SnapshotState.Accepted)
        {
            throw new NodeSetupException($"Snapshot {supersedes} is {target.State.ToString().ToLowerInvariant()}, not accepted: only a snapshot the hub accepted can be corrected. {(target.State is SnapshotState.Pending or SnapshotState.Delivered ? "Wait for the hub's answer (`send` or `run`)." : "Import the values again as a new snapshot instead.")}");
        }

        return await ImportAsync(file, new ImportTarget(Settings.CityId, target.Period, SnapshotStatus.Correction, supersedes), progress, ct);
    }

    /// <summary>Signs the drafts (of <paramref name="period"/>, when given) and puts them in the outbox.</summary>
    public Task<IReadOnlyList<PublishedSnapshot>> PublishAsync(int? period = null, CancellationToken ct = default) =>
        new Publisher(Store, Keys, Settings, Time).PublishAsync(period, ct);

    /// <summary>
    /// The connection to the hub the settings name: RabbitMQ, or HTTP with <paramref name="http"/> (a new client with
    /// the send timeout when not given).
    /// </summary>
    public IHubConnection ConnectToHub(ILoggerFactory? loggerFactory = null, HttpClient? http = null) =>
        Settings.Hub.Transport == HubTransport.Http
            ? new HttpHubConnection(http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(Settings.Delivery.SendTimeoutSeconds) }, Settings.Hub.Url, ownsClient: http is null, Settings.Hub.Credentials)
            : new RabbitMqHubConnection(Settings.CityId, Settings.Hub.RabbitMq, Settings.Delivery, loggerFactory);

    /// <summary>A courier that delivers this node's outbox through <paramref name="hub"/>.</summary>
    public OutboxCourier CourierFor(IHubConnection hub, ILogger? logger = null, Func<OutboxEntry, CancellationToken, Task>? afterConfirm = null) =>
        new(Store, hub, Settings.Delivery, Time, logger ?? NullLogger.Instance, afterConfirm);

    /// <summary>
    /// Writes <c>enrollment.jws</c>: the request to join the network with the active key, signed with that key (proof
    /// that the workspace holds it), with <paramref name="contact"/> for the coordinator to confirm it. A city's node
    /// writes a city's <see cref="EnrollmentRequest"/>, a verifier's workspace a <see cref="VerifierEnrollmentRequest"/>
    /// (its organisation is <see cref="NodeSettings.Name"/>). Replaces an earlier request.
    /// </summary>
    /// <returns>The signed request.</returns>
    public string WriteEnrollmentRequest(string? contact)
    {
        using var key = Keys.Load(Settings.ActiveKeyId);
        var address = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        var jws = Settings.VerifierId is { } verifierId
            ? new VerifierEnrollmentRequest(verifierId, Settings.Name, key.PublicJwk, address, Time.GetUtcNow()).Sign(key.Key)
            : new EnrollmentRequest(Settings.CityId, Settings.Name, key.PublicJwk, address, Time.GetUtcNow()).Sign(key);
        var temporary = Directory.EnrollmentFile + ".tmp";
        File.WriteAllText(temporary, jws + "\n");
        File.Move(temporary, Directory.EnrollmentFile, overwrite: true);
        return jws;
    }

    /// <summary>
    /// The enrollment request to send: <c>enrollment.jws</c> as it is, unless it is missing, signed with a key that no
    /// longer signs, of the other kind (a city's request in a verifier's workspace or the reverse), or
    /// <paramref name="contact"/> asks for another contact, in which case a new one is written.
    /// </summary>
    public string EnrollmentRequestFor(string? contact)
    {
        if (File.Exists(Directory.EnrollmentFile) && contact is null)
        {
            var jws = File.ReadAllText(Directory.EnrollmentFile).Trim();
            var (keyId, written) = Settings.VerifierId is null
                ? EnrollmentRequest.Read(jws).Request is { } city ? (city.KeyId, city.Contact) : (null, null)
                : VerifierEnrollmentRequest.Read(jws).Request is { } verifier ? (verifier.KeyId, verifier.Contact) : (null, null);
            if (keyId == Settings.ActiveKeyId)
            {
                return jws;
            }

            contact = written;
        }

        return WriteEnrollmentRequest(contact);
    }

    /// <summary>Keeps the node's OAuth client id and secret at the hub in node.json (what an approved enrollment gives).</summary>
    /// <exception cref="NodeSetupException">The id or the secret is empty.</exception>
    public void SetCredentials(string clientId, string clientSecret)
    {
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(clientSecret))
        {
            throw new NodeSetupException("Give both the client id and the client secret the coordinator's approval gave, e.g. --client-id node-NO-5001 --client-secret ....");
        }

        var stored = NodeSettings.Load(Directory.SettingsFile);
        stored.Hub.ClientId = clientId.Trim();
        stored.Hub.ClientSecret = clientSecret.Trim();
        stored.Save(Directory.SettingsFile);
        Settings.Hub.ClientId = stored.Hub.ClientId;
        Settings.Hub.ClientSecret = stored.Hub.ClientSecret;
    }

    /// <summary>Makes a new key beside the current one. The node keeps signing with the current key until <see cref="ActivateKey"/>.</summary>
    public NodeKey RotateKey() => Keys.Create();

    /// <summary>Makes the node sign with the key <paramref name="keyId"/> from now on, and saves the choice in node.json.</summary>
    /// <exception cref="NodeSetupException">The node has no key with this id.</exception>
    public NodeKey ActivateKey(string keyId)
    {
        var key = Keys.Find(keyId) ?? throw new NodeSetupException(
            $"The node has no key '{keyId}'. Its keys are: {string.Join(", ", Keys.List().Select(k => k.KeyId))} (`keys list`).");
        var stored = NodeSettings.Load(Directory.SettingsFile);
        stored.ActiveKeyId = key.KeyId;
        stored.Save(Directory.SettingsFile);
        Settings.ActiveKeyId = key.KeyId;
        return key;
    }

    private async Task<ImportOutcome> ImportAsync(string file, ImportTarget target, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var result = ValueFile.Read(file, target, Time, progress);
        if (!result.Success)
        {
            return new ImportOutcome(result, null, null);
        }

        var (draft, replaced) = await Store.SaveDraftAsync(target.Period, target.Status, target.Supersedes, Path.GetFileName(file), result.Value, Time.GetUtcNow(), ct);
        return new ImportOutcome(result, draft, replaced);
    }
}

/// <summary>What an import did.</summary>
/// <param name="Result">The values read, or every error.</param>
/// <param name="Draft">The draft stored; <see langword="null"/> when the file had errors (nothing was stored).</param>
/// <param name="Replaced">The unpublished draft the new one replaced, if any.</param>
public sealed record ImportOutcome(ImportResult Result, StoredSnapshot? Draft, StoredSnapshot? Replaced);

/// <summary>The node cannot do what was asked as it is set up: the message says why and what to do.</summary>
public sealed class NodeSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeSetupException()
    {
    }

    /// <summary>Creates the exception with the sentence to show.</summary>
    public NodeSetupException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the sentence to show and its cause.</summary>
    public NodeSetupException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
