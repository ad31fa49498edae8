namespace Network.Hub.Storage;

/// <summary>Where the hub keeps its state: configuration section <c>Network:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>SqlServer</c> (production).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The connection string; defaults to a SQLite file <c>data/network.db</c> under the content root.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>The supported database providers.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file.</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server.</summary>
    SqlServer,
}
