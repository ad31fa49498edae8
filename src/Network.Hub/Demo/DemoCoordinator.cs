using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Network.Hub.Embargo;
using Network.Hub.People;
using Network.Hub.Storage;

namespace Network.Hub.Demo;

/// <summary>
/// The demo network's coordinator account (<see cref="UserName"/>), so that whoever ran the hub can sign in to the
/// coordinator's desks at once. Its password is new at every start (made here, printed by the start-up banner, reset
/// on the account), so a demo hub left running somewhere is not opened by a password written in a README.
/// Only the demo does this; a real hub's first coordinator is invited with the <c>people invite</c> admin command.
/// </summary>
public sealed class DemoCoordinator(IServiceScopeFactory scopes, ILogger<DemoCoordinator> logger) : IHostedService
{
    /// <summary>The demo coordinator's user name.</summary>
    public const string UserName = "coordinator@demo.network";

    /// <summary>The demo coordinator's name.</summary>
    public const string Name = "Demo Coordinator";

    // No look-alike letters: the password is read off a terminal and typed.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>This start's password: 4 groups of 5 characters from a 31-letter alphabet (about 99 bits).</summary>
    public string Password { get; } = string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));

    /// <summary>Makes the account, or gives it this start's password, the coordinator's role, and no lockout.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateNetworkScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRecord>>();
        var accounts = scope.ServiceProvider.GetRequiredService<PeopleAccounts>();
        var role = new PersonRole(PersonRole.Coordinator);
        if (await users.FindByNameAsync(UserName) is { } person)
        {
            await users.RemovePasswordAsync(person);
            var reset = await users.AddPasswordAsync(person, Password);
            await users.SetLockoutEndDateAsync(person, null);
            await users.ResetAccessFailedCountAsync(person);
            await accounts.GiveAsync(person, role, cancellationToken);
            if (!reset.Succeeded)
            {
                logger.LogError("The demo coordinator's password could not be set: {Errors}", string.Join(" ", PeopleAccounts.Describe(reset)));
            }

            return;
        }

        var (_, errors) = await accounts.CreateAsync(UserName, Name, role, Password, cancellationToken);
        if (errors.Count > 0)
        {
            logger.LogError("The demo coordinator's account could not be made: {Errors}", string.Join(" ", errors));
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
