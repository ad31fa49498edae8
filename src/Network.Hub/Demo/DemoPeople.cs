using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Network.Hub.Embargo;
using Network.Hub.Hosting;
using Network.Hub.People;
using Network.Hub.Storage;

namespace Network.Hub.Demo;

/// <summary>
/// The demo network's people, one per desk, so that whoever ran the hub can open every desk at once: the coordinator
/// (<see cref="CoordinatorUserName"/>), Trondheim's analyst and the demo verifier's person. They share one password,
/// new at every start (made here, printed by the start-up banner, reset on the accounts), so a demo hub left running
/// somewhere is not opened by a password written in a README.
/// Only the demo does this; a real hub's first coordinator is invited with the <c>people invite</c> admin command.
/// </summary>
public sealed class DemoPeople(IServiceScopeFactory scopes, ILogger<DemoPeople> logger) : IHostedService
{
    /// <summary>The demo coordinator's user name.</summary>
    public const string CoordinatorUserName = "coordinator@demo.network";

    /// <summary>The demo analyst's user name: the analyst of <see cref="DemoVerifier.CityId"/> (Trondheim).</summary>
    public const string AnalystUserName = "analyst@demo.network";

    /// <summary>The user name of the demo verifier's person.</summary>
    public const string VerifierUserName = "verifier@demo.network";

    // No look-alike letters: the password is read off a terminal and typed.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>The demo's people: user name, name, role, and the desk the banner says they open.</summary>
    public static IReadOnlyList<(string UserName, string Name, PersonRole Role, string Opens)> Accounts { get; } =
    [
        (CoordinatorUserName, "Demo Coordinator", new PersonRole(PersonRole.Coordinator), "the coordinator's desks"),
        (AnalystUserName, "Demo Analyst, Trondheim", new PersonRole(PersonRole.Analyst, CityId: DemoVerifier.CityId), "Trondheim's analyst desk"),
        (VerifierUserName, "Demo Verifier's person", new PersonRole(PersonRole.Verifier, VerifierId: DemoVerifier.VerifierId), "the demo verifier's desk"),
    ];

    /// <summary>This start's password: 4 groups of 5 characters from a 31-letter alphabet (about 99 bits).</summary>
    public string Password { get; } = string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));

    /// <summary>How to sign in, for the start-up banner.</summary>
    public SignInHint Hint => new([.. Accounts.Select(a => new SignInAccount(a.UserName, a.Opens))], Password);

    /// <summary>Makes each account, or gives it this start's password, its role, and no lockout.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateNetworkScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRecord>>();
        var accounts = scope.ServiceProvider.GetRequiredService<PeopleAccounts>();
        foreach (var (userName, name, role, _) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is { } person)
            {
                await users.RemovePasswordAsync(person);
                var reset = await users.AddPasswordAsync(person, Password);
                await users.SetLockoutEndDateAsync(person, null);
                await users.ResetAccessFailedCountAsync(person);
                await accounts.GiveAsync(person, role, cancellationToken);
                if (!reset.Succeeded)
                {
                    logger.LogError("The password of the demo account {Account} could not be set: {Errors}", userName, string.Join(" ", PeopleAccounts.Describe(reset)));
                }

                continue;
            }

            var (_, errors) = await accounts.CreateAsync(userName, name, role, Password, cancellationToken);
            if (errors.Count > 0)
            {
                logger.LogError("The demo account {Account} could not be made: {Errors}", userName, string.Join(" ", errors));
            }
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
