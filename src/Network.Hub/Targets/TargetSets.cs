using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;
using Network.Contracts.Results;
using Network.Hub.Storage;

namespace Network.Hub.Targets;

/// <summary>
/// The one place target-set names are resolved: <see cref="TargetSet.Default"/> and the sets coordinators stored
/// (<see cref="AddAsync"/>). A name means its newest version. A stored set is parsed once and the same instance is
/// handed out after that, so the scores cached per set are reused. GraphQL, the exports and any other
/// <c>targetSet</c> argument go through <see cref="ResolveAsync"/>.
/// </summary>
public sealed class TargetSets(IServiceScopeFactory scopes, KpiCatalogue catalogue)
{
    private readonly ConcurrentDictionary<int, TargetSet> _parsed = new();

    /// <summary>The set named <paramref name="name"/> (its newest version), the default set when null or empty; <see langword="null"/> when no set has that name.</summary>
    public async Task<TargetSet?> ResolveAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name, TargetSet.Default.Name, StringComparison.Ordinal))
        {
            return TargetSet.Default;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var id = await db.TargetSets.AsNoTracking().Where(t => t.Name == name).OrderByDescending(t => t.Id).Select(t => (int?)t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (id is not { } found)
        {
            return null;
        }

        if (_parsed.TryGetValue(found, out var cached))
        {
            return cached;
        }

        var record = await db.TargetSets.AsNoTracking().SingleAsync(t => t.Id == found, cancellationToken);
        return _parsed.GetOrAdd(found, _ => Parse(record.Csv, record.Name, record.Version).Value);
    }

    /// <summary>The names the hub knows, the default first, for error messages.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Every set: the default first, then the stored ones by name and upload order.</summary>
    public async Task<IReadOnlyList<TargetSetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var stored = await db.TargetSets.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var list = new List<TargetSetSummary> { SummaryOf(TargetSet.Default, isDefault: true, uploadedAt: null) };
        foreach (var record in stored)
        {
            var set = _parsed.GetOrAdd(record.Id, _ => Parse(record.Csv, record.Name, record.Version).Value);
            list.Add(SummaryOf(set, isDefault: false, record.UploadedAt));
        }

        return list;
    }

    /// <summary>The stored sets themselves (the default first), for listings that show targets.</summary>
    public async Task<IReadOnlyList<TargetSet>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var stored = await db.TargetSets.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return [TargetSet.Default, .. stored.Select(r => _parsed.GetOrAdd(r.Id, _ => Parse(r.Csv, r.Name, r.Version).Value))];
    }

    /// <summary>
    /// Checks <paramref name="csv"/> with <see cref="TargetSet.Parse(TextReader, string, string, KpiCatalogue?)"/> and stores it
    /// as <paramref name="name"/> <paramref name="version"/>. The same name and version again with the same content is
    /// accepted once more (nothing changes); with different content it is a conflict.
    /// </summary>
    public async Task<TargetSetUpload> AddAsync(string name, string version, string csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (string.Equals(name, TargetSet.Default.Name, StringComparison.Ordinal))
        {
            return new TargetSetUpload(TargetSetUploadOutcome.Conflict, null, [],
                $"The name '{name}' belongs to the set shipped with the hub; choose another name.");
        }

        var parsed = Parse(csv, name, version);
        if (!parsed.Success)
        {
            return new TargetSetUpload(TargetSetUploadOutcome.Invalid, null, parsed.Failures, null);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var existing = await db.TargetSets.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name && t.Version == version, cancellationToken);
        if (existing is not null)
        {
            return existing.ContentHash == hash
                ? new TargetSetUpload(TargetSetUploadOutcome.Unchanged, SummaryOf(parsed.Value, false, existing.UploadedAt), [], null)
                : new TargetSetUpload(TargetSetUploadOutcome.Conflict, null, [],
                    $"The target set '{name}' version '{version}' is already stored with different content. A changed set needs a new version.");
        }

        var record = new TargetSetRecord
        {
            Name = name,
            Version = version,
            CatalogueVersion = parsed.Value.CatalogueVersion,
            Csv = csv,
            ContentHash = hash,
            TargetCount = parsed.Value.Targets.Count,
            UploadedAt = DateTimeOffset.UtcNow,
        };
        db.TargetSets.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request stored the same name and version first.
            return new TargetSetUpload(TargetSetUploadOutcome.Conflict, null, [],
                $"The target set '{name}' version '{version}' was stored by another request at the same time. A changed set needs a new version.");
        }

        _parsed[record.Id] = parsed.Value;
        return new TargetSetUpload(TargetSetUploadOutcome.Created, SummaryOf(parsed.Value, false, record.UploadedAt), [], null);
    }

    private Result<TargetSet, TargetSetError> Parse(string csv, string name, string version)
    {
        using var reader = new StringReader(csv);
        return TargetSet.Parse(reader, name, version, catalogue);
    }

    private static TargetSetSummary SummaryOf(TargetSet set, bool isDefault, DateTimeOffset? uploadedAt) => new(
        set.Name,
        set.Version,
        set.CatalogueVersion,
        set.Targets.Count,
        set.Targets.Select(t => t.Source).Distinct(StringComparer.Ordinal).ToArray(),
        isDefault,
        uploadedAt);
}

/// <summary>A target set as <c>GET /api/target-sets</c> lists it.</summary>
/// <param name="Name">The set's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="CatalogueVersion">The catalogue version it was checked against.</param>
/// <param name="Targets">How many targets it holds.</param>
/// <param name="Sources">The distinct sources its targets name.</param>
/// <param name="Default">Whether it is the hub's default set.</param>
/// <param name="UploadedAt">When a coordinator stored it; <see langword="null"/> for the default set.</param>
public sealed record TargetSetSummary(
    string Name, string Version, string CatalogueVersion, int Targets, IReadOnlyList<string> Sources, bool Default, DateTimeOffset? UploadedAt);

/// <summary>What became of an upload.</summary>
public enum TargetSetUploadOutcome
{
    /// <summary>Stored as a new set (version).</summary>
    Created,

    /// <summary>The same name, version and content were already stored.</summary>
    Unchanged,

    /// <summary>The file breaks the format's rules; see <see cref="TargetSetUpload.Errors"/>.</summary>
    Invalid,

    /// <summary>The name and version are taken by different content (or by the default set).</summary>
    Conflict,
}

/// <summary>The outcome of <see cref="TargetSets.AddAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Set">The stored set, when created or unchanged.</param>
/// <param name="Errors">Every error of the file, when invalid.</param>
/// <param name="Conflict">Why it conflicts, when it does.</param>
public sealed record TargetSetUpload(TargetSetUploadOutcome Outcome, TargetSetSummary? Set, IReadOnlyList<TargetSetError> Errors, string? Conflict);
