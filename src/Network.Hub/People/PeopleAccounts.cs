using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Identity;
using Network.Hub.Storage;

namespace Network.Hub.People;

/// <summary>
/// People's accounts: made with a role (<see cref="PersonRole"/>), listed and removed by coordinators. The one place
/// that turns a role into Identity roles (the scopes) and claims (<c>city</c>, <c>verifier</c>).
/// </summary>
public sealed class PeopleAccounts(UserManager<PersonRecord> users, RoleManager<IdentityRole> roles, NetworkDbContext db, TimeProvider time)
{
    /// <summary>Makes the account of <paramref name="email"/> with <paramref name="role"/> and <paramref name="password"/>; the errors in words when Identity refuses.</summary>
    public async Task<(PersonRecord? Person, IReadOnlyList<string> Errors)> CreateAsync(string email, string name, PersonRole role, string password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        var person = new PersonRecord { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = time.GetUtcNow() };
        var created = await users.CreateAsync(person, password);
        if (!created.Succeeded)
        {
            return (null, Describe(created));
        }

        await GiveAsync(person, role, ct);
        return (person, []);
    }

    /// <summary>Gives <paramref name="person"/> exactly <paramref name="role"/> (roles and claims), ending their sessions' old rights.</summary>
    public async Task GiveAsync(PersonRecord person, PersonRole role, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(role);
        foreach (var scope in role.Scopes)
        {
            if (!await roles.RoleExistsAsync(scope))
            {
                Check(await roles.CreateAsync(new IdentityRole(scope)));
            }
        }

        var held = await users.GetRolesAsync(person);
        Check(await users.RemoveFromRolesAsync(person, held.Except(role.Scopes)));
        Check(await users.AddToRolesAsync(person, role.Scopes.Except(held)));
        var claims = (await users.GetClaimsAsync(person)).Where(c => c.Type is NetworkClaims.City or NetworkClaims.Verifier).ToList();
        if (claims.Count > 0)
        {
            Check(await users.RemoveClaimsAsync(person, claims));
        }

        if (role.CityId is { } city)
        {
            Check(await users.AddClaimAsync(person, new Claim(NetworkClaims.City, city)));
        }

        if (role.VerifierId is { } verifier)
        {
            Check(await users.AddClaimAsync(person, new Claim(NetworkClaims.Verifier, verifier)));
        }

        // A new stamp: the security-stamp check ends any session that still carries the old rights.
        Check(await users.UpdateSecurityStampAsync(person));
    }

    /// <summary>Everyone with an account, by e-mail, with their role.</summary>
    public async Task<IReadOnlyList<PersonView>> ListAsync(CancellationToken ct = default)
    {
        var people = await db.Users.AsNoTracking().OrderBy(p => p.NormalizedEmail).Take(1000).ToListAsync(ct);
        var scopes = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var claims = await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == NetworkClaims.City || c.ClaimType == NetworkClaims.Verifier).ToListAsync(ct);
        return [.. people.Select(p => new PersonView(
            p.Id, p.Email ?? "", p.DisplayName,
            RoleOf(scopes.Where(s => s.UserId == p.Id).Select(s => s.Name ?? "").ToList(),
                claims.FirstOrDefault(c => c.UserId == p.Id && c.ClaimType == NetworkClaims.City)?.ClaimValue,
                claims.FirstOrDefault(c => c.UserId == p.Id && c.ClaimType == NetworkClaims.Verifier)?.ClaimValue),
            p.TwoFactorEnabled, p.LockoutEnd is { } end && end > time.GetUtcNow(), p.CreatedAt))];
    }

    /// <summary>Removes the account of <paramref name="personId"/>: its sessions end at their next security-stamp check.</summary>
    public async Task<PersonRecord?> RemoveAsync(string personId)
    {
        if (await users.FindByIdAsync(personId) is not { } person)
        {
            return null;
        }

        Check(await users.DeleteAsync(person));
        return person;
    }

    /// <summary>The role an account's scopes and claims make.</summary>
    public static PersonRole RoleOf(IReadOnlyCollection<string> scopes, string? cityId, string? verifierId)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return scopes.Contains(Scopes.Coordinate) ? new PersonRole(PersonRole.Coordinator)
            : scopes.Contains(Scopes.Verify) ? new PersonRole(PersonRole.Verifier, VerifierId: verifierId)
            : cityId is not null ? new PersonRole(PersonRole.Analyst, CityId: cityId)
            : new PersonRole(PersonRole.Member);
    }

    /// <summary>Identity's refusals as sentences.</summary>
    public static IReadOnlyList<string> Describe(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Errors.Select(e => e.Description)];
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", Describe(result)));
        }
    }
}

/// <summary>A person as the coordinator's people desk lists them.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="Email">The e-mail address (user name).</param>
/// <param name="Name">The person's name.</param>
/// <param name="Role">Their role.</param>
/// <param name="TwoFactor">Whether they confirm sign-ins with an authenticator code.</param>
/// <param name="LockedOut">Whether the account is locked after failed sign-ins.</param>
/// <param name="CreatedAt">When the account was made.</param>
public sealed record PersonView(string Id, string Email, string Name, PersonRole Role, bool TwoFactor, bool LockedOut, DateTimeOffset CreatedAt);
