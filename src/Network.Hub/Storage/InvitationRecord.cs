namespace Network.Hub.Storage;

/// <summary>
/// A coordinator's invitation of a person: who, with which role, and until when it may be accepted. The link's token is
/// never stored, only its SHA-256 hash (<see cref="TokenHash"/>), so the database cannot give a link away. Used once.
/// </summary>
public sealed class InvitationRecord
{
    /// <summary>The invitation's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The SHA-256 hash (lower-case hex) of the link's token.</summary>
    public required string TokenHash { get; init; }

    /// <summary>The invited person's e-mail address: their user name once they accept.</summary>
    public required string Email { get; init; }

    /// <summary>The invited person's name.</summary>
    public required string Name { get; init; }

    /// <summary>The role: <c>coordinator</c>, <c>member</c>, <c>analyst</c> or <c>verifier</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The city an analyst works for; null for other roles.</summary>
    public string? CityId { get; init; }

    /// <summary>The verifier a verifier's person works for; null for other roles.</summary>
    public string? VerifierId { get; init; }

    /// <summary>Who invited: <c>person:&lt;e-mail&gt;</c> or <c>admin command</c>.</summary>
    public required string InvitedBy { get; init; }

    /// <summary>When the invitation was made.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this instant the link no longer works.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was accepted; an accepted invitation is never accepted again.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }
}
