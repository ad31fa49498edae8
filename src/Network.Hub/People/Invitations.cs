using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Storage;

namespace Network.Hub.People;

/// <summary>
/// A coordinator invites a person: a link with a random token, shown once (only its hash is kept), valid for
/// <see cref="Lifetime"/>, accepted once by choosing a password, which makes the account with the invited role.
/// </summary>
public sealed class Invitations(NetworkDbContext db, PeopleAccounts accounts, UserManager<PersonRecord> users, TimeProvider time)
{
    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The path of an invitation link, before its token.</summary>
    public const string PathPrefix = "/invitations/";

    /// <summary>Invites <paramref name="email"/>: the invitation and its token (the link's last part), or why not.</summary>
    public async Task<(InvitationRecord? Invitation, string? Token, string? Problem)> InviteAsync(string? email, string? name, PersonRole role, string invitedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        var address = email?.Trim() ?? "";
        var who = name?.Trim() ?? "";
        if (address.Length is 0 or > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(address))
        {
            return (null, null, "The e-mail address is the person's user name: give one like name@example.org (at most 256 characters).");
        }

        if (who.Length is 0 or > 200)
        {
            return (null, null, "Give the person's name (at most 200 characters).");
        }

        if (await users.FindByEmailAsync(address) is not null)
        {
            return (null, null, "A person with this e-mail address has an account already.");
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var invitation = new InvitationRecord
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = Hash(token),
            Email = address,
            Name = who,
            Role = role.Kind,
            CityId = role.CityId,
            VerifierId = role.VerifierId,
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return (invitation, token, null);
    }

    /// <summary>The invitation a link's token names, or why it cannot be accepted (unknown, used, expired).</summary>
    public async Task<(InvitationRecord? Invitation, string? Problem)> FindAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return (null, "This invitation link is not valid: ask the coordinator for a new one.");
        }

        var hash = Hash(token);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation switch
        {
            null => (null, "This invitation link is not valid: ask the coordinator for a new one."),
            { AcceptedAt: not null } => (null, "This invitation was accepted already; sign in with the password chosen then, or ask the coordinator for a new invitation."),
            _ when invitation.ExpiresAt <= time.GetUtcNow() => (null, $"This invitation expired on {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC: ask the coordinator for a new one."),
            _ => (invitation, null),
        };
    }

    /// <summary>
    /// Accepts the invitation <paramref name="token"/> names with <paramref name="password"/>: the account is made
    /// with the invited role and the invitation is used up; or the errors in words (nothing is used up then).
    /// </summary>
    public async Task<(PersonRecord? Person, IReadOnlyList<string> Errors)> AcceptAsync(string? token, string? password, CancellationToken ct = default)
    {
        var (invitation, problem) = await FindAsync(token, ct);
        if (invitation is null)
        {
            return (null, [problem!]);
        }

        var person = new PersonRecord { UserName = invitation.Email, Email = invitation.Email };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange(PeopleAccounts.Describe(await validator.ValidateAsync(users, person, password ?? "")));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // Claimed in one statement that only one request can win: the link is single-use even when sent twice at once.
        var now = time.GetUtcNow();
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed != 1)
        {
            return (null, ["This invitation was accepted already; sign in with the password chosen then."]);
        }

        return await accounts.CreateAsync(invitation.Email, invitation.Name, new PersonRole(invitation.Role, invitation.CityId, invitation.VerifierId), password!, ct);
    }

    /// <summary>The SHA-256 of a token, as stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
