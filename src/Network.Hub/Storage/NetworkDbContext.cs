using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Embargo;

namespace Network.Hub.Storage;

/// <summary>
/// The hub's one model of stored state: cities, their keys, accepted snapshots with their values, the
/// error records of refused submissions, and the OAuth clients and tokens of the hub's authorization server
/// (OpenIddict's entities, tables <c>OpenIddict*</c>), and people's accounts for the pages (ASP.NET Core Identity's entities,
/// tables <c>AspNet*</c>, with <see cref="Invitations"/>). Each database provider has its own subclass so each keeps its own
/// migrations (<see cref="SqliteNetworkDbContext"/>, <see cref="SqlServerNetworkDbContext"/>).
/// </summary>
public abstract class NetworkDbContext(DbContextOptions options) : IdentityDbContext<PersonRecord>(options)
{
    /// <summary>
    /// Who reads through this context. Snapshots and values outside the public record are filtered out of every
    /// query for <see cref="Embargo.Readership.Public"/> readers, whatever door the query came through (GraphQL,
    /// OData with <c>$expand</c> or <c>$apply</c>, exports, REST), because the filter sits on the model itself.
    /// It is the readership of the scope the context was resolved in (<see cref="CallerReadership"/>), read when
    /// each query runs, so a context resolved before the request's caller was known (e.g. by the token validation)
    /// still reads for that caller. A scope nobody decided for reads the public record; the hub's own work opens its
    /// scopes for <see cref="Embargo.Readership.Network"/> by name (<see cref="ReadingScopes"/>) or sets it here.
    /// </summary>
    public Readership Readership
    {
        get => _readership ?? _reader?.Current ?? Readership.Public;
        set => _readership = value;
    }

    private CallerReadership? _reader;
    private Readership? _readership;

    /// <summary>
    /// Whether this context's reader sees the network's own data: preliminary figures and the cities' notes (the
    /// members-only columns are read through <see cref="MembersOnly"/>, with this flag).
    /// </summary>
    public bool SeesNetworkData => Readership == Readership.Network;

    /// <summary>
    /// Hands this (pooled) context to the scope of <paramref name="reader"/>: it reads for that scope's readership, and
    /// nothing a previous scope set stays on it.
    /// </summary>
    internal void ReadFor(CallerReadership reader)
    {
        _reader = reader;
        _readership = null;
    }

    /// <summary>Member cities.</summary>
    public DbSet<CityRecord> Cities => Set<CityRecord>();

    /// <summary>The key registry.</summary>
    public DbSet<CityKeyRecord> CityKeys => Set<CityKeyRecord>();

    /// <summary>Accepted snapshots.</summary>
    public DbSet<SnapshotRecord> Snapshots => Set<SnapshotRecord>();

    /// <summary>Values of accepted snapshots.</summary>
    public DbSet<KpiValueRecord> KpiValues => Set<KpiValueRecord>();

    /// <summary>Error records of refused submissions.</summary>
    public DbSet<RejectedSubmissionRecord> RejectedSubmissions => Set<RejectedSubmissionRecord>();

    /// <summary>Target sets loaded by network coordinators.</summary>
    public DbSet<TargetSetRecord> TargetSets => Set<TargetSetRecord>();

    /// <summary>Nodes' and verifiers' requests to join with their keys, and the coordinators' decisions.</summary>
    public DbSet<EnrollmentRecord> Enrollments => Set<EnrollmentRecord>();

    /// <summary>Accredited U4SSC verifiers.</summary>
    public DbSet<VerifierRecord> Verifiers => Set<VerifierRecord>();

    /// <summary>The verifiers' keys.</summary>
    public DbSet<VerifierKeyRecord> VerifierKeys => Set<VerifierKeyRecord>();

    /// <summary>Which verifier attests for which city, and since when.</summary>
    public DbSet<VerifierAssignmentRecord> VerifierAssignments => Set<VerifierAssignmentRecord>();

    /// <summary>Accepted attestations.</summary>
    public DbSet<AttestationRecord> Attestations => Set<AttestationRecord>();

    /// <summary>The verdicts of accepted attestations.</summary>
    public DbSet<VerdictRecord> Verdicts => Set<VerdictRecord>();

    /// <summary>The question threads between cities and their verifiers (members-only).</summary>
    public DbSet<ThreadMessageRecord> ThreadMessages => Set<ThreadMessageRecord>();

    /// <summary>Coordinators' invitations of people (the links' hashes, never the links).</summary>
    public DbSet<InvitationRecord> Invitations => Set<InvitationRecord>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder); // Identity's tables
        builder.UseOpenIddict();

        builder.Entity<PersonRecord>(person => person.Property(p => p.DisplayName).HasMaxLength(200));
        builder.Entity<InvitationRecord>(invitation =>
        {
            invitation.ToTable("Invitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.Name).HasMaxLength(200);
            invitation.Property(i => i.Role).HasMaxLength(16);
            invitation.Property(i => i.CityId).HasMaxLength(16);
            invitation.Property(i => i.VerifierId).HasMaxLength(64);
            invitation.Property(i => i.InvitedBy).HasMaxLength(300);
        });

        builder.Entity<CityRecord>(city =>
        {
            city.ToTable("Cities");
            city.HasKey(c => c.Id);
            city.Property(c => c.Id).HasMaxLength(16);
            city.Property(c => c.Name).HasMaxLength(200);
            city.HasMany(c => c.Keys).WithOne().HasForeignKey(k => k.CityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CityKeyRecord>(key =>
        {
            key.ToTable("CityKeys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasMaxLength(128);
            key.Property(k => k.CityId).HasMaxLength(16);
            key.Property(k => k.Jwk).HasMaxLength(1024);
        });

        builder.Entity<SnapshotRecord>(snapshot =>
        {
            snapshot.ToTable("Snapshots");
            snapshot.HasKey(s => s.SnapshotId);
            snapshot.Property(s => s.CityId).HasMaxLength(16);
            snapshot.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            snapshot.Property(s => s.Door).HasConversion<string>().HasMaxLength(8);
            snapshot.Property(s => s.CatalogueVersion).HasMaxLength(32);
            snapshot.Property(s => s.KeyId).HasMaxLength(128);
            snapshot.Property(s => s.Digest).HasMaxLength(64);
            snapshot.Property(s => s.ContentHash).HasMaxLength(64);
            // Covers the "current snapshot" rule (newest IssuedAt, then ReceivedAt, then id, per city and period) so
            // SQLite never reads a row itself, whose JWS spills over many overflow pages; and the data version
            // (count, newest ReceivedAt) that the score caches check on every request. Measured in docs/benchmarks.md.
            // Public is in both because the embargo's filter reads it on every query.
            snapshot.HasIndex(s => new { s.CityId, s.Period, s.IssuedAt, s.ReceivedAt, s.SnapshotId, s.Public });
            snapshot.HasIndex(s => new { s.ReceivedAt, s.Public });
            // An attestation names its snapshot by digest (contracts/README.md §9).
            snapshot.HasIndex(s => s.Digest);
            snapshot.HasOne<CityRecord>().WithMany().HasForeignKey(s => s.CityId).OnDelete(DeleteBehavior.Restrict);
            snapshot.HasQueryFilter(s => Readership == Readership.Network || s.Public);
            snapshot.HasMany(s => s.Values).WithOne().HasForeignKey(v => v.SnapshotId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<KpiValueRecord>(value =>
        {
            value.ToTable("KpiValues");
            value.HasKey(v => v.Id);
            value.Property(v => v.CityId).HasMaxLength(16);
            value.Property(v => v.KpiCode).HasMaxLength(16);
            value.Property(v => v.DataPoint).HasMaxLength(32);
            value.Property(v => v.Unit).HasMaxLength(64);
            value.Property(v => v.Quality).HasConversion<string>().HasMaxLength(32);
            value.Property(v => v.Origin).HasMaxLength(4000);
            value.Property(v => v.Source).HasMaxLength(4000);
            value.Property(v => v.Note).HasMaxLength(4000);
            value.HasIndex(v => new { v.SnapshotId, v.KpiCode, v.DataPoint }).IsUnique();
            value.HasIndex(v => new { v.KpiCode, v.Period, v.CityId });
            value.HasQueryFilter(v => Readership == Readership.Network || v.Public);
        });

        builder.Entity<RejectedSubmissionRecord>(rejected =>
        {
            rejected.ToTable("RejectedSubmissions");
            rejected.HasKey(r => r.Id);
            rejected.Property(r => r.Door).HasConversion<string>().HasMaxLength(8);
            rejected.Property(r => r.ClaimedCityId).HasMaxLength(64);
            rejected.Property(r => r.NodeCityId).HasMaxLength(64);
            rejected.Property(r => r.Digest).HasMaxLength(64);
            rejected.HasIndex(r => r.ClaimedSnapshotId);
        });

        builder.Entity<TargetSetRecord>(set =>
        {
            set.ToTable("TargetSets");
            set.HasKey(t => t.Id);
            set.Property(t => t.Name).HasMaxLength(100);
            set.Property(t => t.Version).HasMaxLength(50);
            set.Property(t => t.CatalogueVersion).HasMaxLength(32);
            set.Property(t => t.ContentHash).HasMaxLength(64);
            set.HasIndex(t => new { t.Name, t.Version }).IsUnique();
        });

        builder.Entity<EnrollmentRecord>(enrollment =>
        {
            enrollment.ToTable("Enrollments");
            enrollment.HasKey(e => e.Id);
            enrollment.Property(e => e.CityId).HasMaxLength(16);
            enrollment.Property(e => e.CityName).HasMaxLength(200);
            // Requests stored before verifiers could enroll are cities' (the column's default fills them in).
            enrollment.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(EnrollmentKind.City);
            enrollment.Property(e => e.VerifierId).HasMaxLength(64);
            enrollment.Property(e => e.Organisation).HasMaxLength(200);
            enrollment.Property(e => e.KeyId).HasMaxLength(128);
            enrollment.Property(e => e.Jwk).HasMaxLength(1024);
            enrollment.Property(e => e.Contact).HasMaxLength(254);
            enrollment.Property(e => e.Jws).HasMaxLength(16 * 1024);
            enrollment.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            enrollment.Property(e => e.DecidedBy).HasMaxLength(100);
            enrollment.Property(e => e.Reason).HasMaxLength(1000);
            enrollment.Property(e => e.ClientId).HasMaxLength(100);
            enrollment.HasIndex(e => new { e.Status, e.ReceivedAt });
            enrollment.HasIndex(e => e.KeyId);
        });

        OnVerificationCreating(builder);
    }

    // Verifiers, their keys and assignments, attestations with their verdicts, and the question threads (issue 13).
    private void OnVerificationCreating(ModelBuilder builder)
    {
        builder.Entity<VerifierRecord>(verifier =>
        {
            verifier.ToTable("Verifiers");
            verifier.HasKey(v => v.Id);
            verifier.Property(v => v.Id).HasMaxLength(64);
            verifier.Property(v => v.Name).HasMaxLength(200);
            verifier.Property(v => v.Contact).HasMaxLength(254);
            verifier.HasMany(v => v.Keys).WithOne().HasForeignKey(k => k.VerifierId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<VerifierKeyRecord>(key =>
        {
            key.ToTable("VerifierKeys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasMaxLength(128);
            key.Property(k => k.VerifierId).HasMaxLength(64);
            key.Property(k => k.Jwk).HasMaxLength(1024);
        });

        builder.Entity<VerifierAssignmentRecord>(assignment =>
        {
            assignment.ToTable("VerifierAssignments");
            assignment.HasKey(a => a.Id);
            assignment.Property(a => a.VerifierId).HasMaxLength(64);
            assignment.Property(a => a.CityId).HasMaxLength(16);
            assignment.Property(a => a.AssignedBy).HasMaxLength(100);
            assignment.Property(a => a.EndedBy).HasMaxLength(100);
            assignment.HasIndex(a => new { a.CityId, a.VerifierId });
            assignment.HasOne<VerifierRecord>().WithMany().HasForeignKey(a => a.VerifierId).OnDelete(DeleteBehavior.Restrict);
            assignment.HasOne<CityRecord>().WithMany().HasForeignKey(a => a.CityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AttestationRecord>(attestation =>
        {
            attestation.ToTable("Attestations");
            attestation.HasKey(a => a.AttestationId);
            attestation.Property(a => a.VerifierId).HasMaxLength(64);
            attestation.Property(a => a.KeyId).HasMaxLength(128);
            attestation.Property(a => a.SnapshotDigest).HasMaxLength(64);
            attestation.Property(a => a.CityId).HasMaxLength(16);
            attestation.Property(a => a.Method).HasMaxLength(4000);
            attestation.Property(a => a.ReportReference).HasMaxLength(4000);
            attestation.Property(a => a.Digest).HasMaxLength(64);
            attestation.Property(a => a.ContentHash).HasMaxLength(64);
            attestation.Property(a => a.Door).HasConversion<string>().HasMaxLength(8);
            attestation.HasIndex(a => new { a.SnapshotId, a.IssuedAt });
            attestation.HasIndex(a => new { a.CityId, a.Period });
            attestation.HasOne<SnapshotRecord>().WithMany().HasForeignKey(a => a.SnapshotId).OnDelete(DeleteBehavior.Restrict);
            attestation.HasOne<VerifierRecord>().WithMany().HasForeignKey(a => a.VerifierId).OnDelete(DeleteBehavior.Restrict);
            attestation.HasQueryFilter(a => Readership == Readership.Network || a.Public);
            attestation.HasMany(a => a.Verdicts).WithOne().HasForeignKey(v => v.AttestationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<VerdictRecord>(verdict =>
        {
            verdict.ToTable("Verdicts");
            verdict.HasKey(v => v.Id);
            verdict.Property(v => v.VerifierId).HasMaxLength(64);
            verdict.Property(v => v.CityId).HasMaxLength(16);
            verdict.Property(v => v.KpiCode).HasMaxLength(16);
            verdict.Property(v => v.DataPoint).HasMaxLength(32);
            verdict.Property(v => v.Unit).HasMaxLength(64);
            verdict.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(16);
            verdict.Property(v => v.Reason).HasMaxLength(4000);
            verdict.Property(v => v.AttestationDigest).HasMaxLength(64);
            verdict.HasIndex(v => new { v.AttestationId, v.KpiCode, v.DataPoint }).IsUnique();
            // The "current verdict of a value" rule reads a city and period's verdicts, newest first.
            verdict.HasIndex(v => new { v.CityId, v.Period, v.KpiCode, v.DataPoint, v.IssuedAt, v.ReceivedAt });
            verdict.HasQueryFilter(v => Readership == Readership.Network || v.Public);
        });

        builder.Entity<ThreadMessageRecord>(message =>
        {
            message.ToTable("ThreadMessages");
            message.HasKey(m => m.Id);
            message.Property(m => m.CityId).HasMaxLength(16);
            message.Property(m => m.KpiCode).HasMaxLength(16);
            message.Property(m => m.DataPoint).HasMaxLength(32);
            message.Property(m => m.VerifierId).HasMaxLength(64);
            message.Property(m => m.Author).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.AuthorClientId).HasMaxLength(100);
            message.Property(m => m.Text).HasMaxLength(4000);
            message.HasIndex(m => new { m.CityId, m.Period, m.KpiCode, m.DataPoint, m.PostedAt });
            message.HasIndex(m => new { m.VerifierId, m.PostedAt });
            // Never public, whatever door asks: only members' scopes see a thread at all.
            message.HasQueryFilter(m => Readership == Readership.Network);
        });
    }
}
