using Microsoft.AspNetCore.Identity;

namespace Network.Hub.Storage;

/// <summary>
/// A person's account on the hub (ASP.NET Core Identity, table <c>AspNetUsers</c>): the user name is the e-mail address;
/// what the person may do are Identity roles named after the scopes (<c>network:read</c>, <c>network:coordinate</c>,
/// <c>snapshots:verify</c>) and, for a city's analyst or a verifier, a <c>city</c> or <c>verifier</c> claim.
/// </summary>
public sealed class PersonRecord : IdentityUser
{
    /// <summary>The person's name, as the coordinator who invited them wrote it.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>When the account was made (the invitation accepted, or the admin command run).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
