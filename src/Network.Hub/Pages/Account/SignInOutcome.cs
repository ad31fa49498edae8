using Microsoft.AspNetCore.Identity;
using Network.Hub.People;

namespace Network.Hub.Pages.Account;

/// <summary>The sign-in pages' answers in words, with their status codes: the same for the password and the code page.</summary>
internal static class SignInOutcome
{
    /// <summary>Takes one attempt from the address's limit: <see langword="null"/> when allowed, else the sentence (status 429, <c>Retry-After</c>).</summary>
    public static string? Limited(HttpContext context, SignInAttempts attempts)
    {
        if (attempts.TryTake(context) is not { } seconds)
        {
            return null;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"Too many sign-in attempts from your address: try again in {seconds} seconds.";
    }

    /// <summary>Why a sign-in was refused (status 400), never saying whether the account exists.</summary>
    public static string Refused(HttpContext context, SignInResult result)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return result.IsLockedOut
            ? $"This account is locked after {PeopleExtensions.LockoutFailures} failed sign-ins in a row: try again in {PeopleExtensions.LockoutDuration.TotalMinutes} minutes, or ask a coordinator."
            : result.IsNotAllowed
                ? "This account may not sign in yet: ask a coordinator."
                : "The e-mail address or the password is wrong.";
    }
}
