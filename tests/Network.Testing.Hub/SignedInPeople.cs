using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.People;

namespace Network.Testing.Hub;

/// <summary>
/// People signed in to the hub's pages, as the pages see them: an account with a role (made through the hub's own
/// <see cref="PeopleAccounts"/>), and an HTTP client that signed in through <c>/sign-in</c> and carries the session cookie.
/// </summary>
public static partial class SignedInPeople
{
    /// <summary>The password every test person gets (long enough for the policy).</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>A coordinator.</summary>
    public static PersonRole Coordinator { get; } = new(PersonRole.Coordinator);

    /// <summary>A member (reads inside the network).</summary>
    public static PersonRole Member { get; } = new(PersonRole.Member);

    /// <summary>A city's analyst.</summary>
    public static PersonRole AnalystOf(string cityId) => new(PersonRole.Analyst, CityId: cityId);

    /// <summary>A verifier's person.</summary>
    public static PersonRole VerifierOf(string verifierId) => new(PersonRole.Verifier, VerifierId: verifierId);

    /// <summary>Makes the account of a person with <paramref name="role"/> and <see cref="Password"/>; returns the e-mail address (user name).</summary>
    public static async Task<string> AddPersonAsync(this HubFactory hub, PersonRole role, string? email = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(role);
        var address = email ?? $"{role.Kind}-{Guid.NewGuid():N}@example.org";
        var (person, errors) = await hub.WithServicesAsync(services =>
            services.GetRequiredService<PeopleAccounts>().CreateAsync(address, name ?? $"Test {role.Kind}", role, Password));
        return person is not null ? address : throw new InvalidOperationException(string.Join(" ", errors));
    }

    /// <summary>
    /// An HTTP client (cookies kept, redirects not followed) of a new person with <paramref name="role"/>, signed in
    /// through the sign-in page; pages then read it as that person.
    /// </summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this HubFactory hub, PersonRole role, string? email = null, string? name = null)
    {
        var address = await hub.AddPersonAsync(role, email, name);
        var client = hub.CreatePageClient();
        using var signedIn = await SignInAsync(client, address, Password);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as a test {role.Kind} answered {(int)signedIn.StatusCode}.");
        }

        return client;
    }

    /// <summary>An HTTP client as a browser is: it keeps cookies, and does not follow redirects, so tests see them.</summary>
    public static HttpClient CreatePageClient(this HubFactory hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>Posts the sign-in form (with the antiforgery token of a fresh GET) and returns the answer.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string path = "/sign-in") =>
        PostFormAsync(client, path, "sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>
    /// Posts the form <paramref name="formName"/> of the page at <paramref name="path"/> as a browser would: GETs the
    /// page for its antiforgery token, then posts the fields with it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The path and query a redirect's <c>Location</c> names, whether it is written absolute or relative.</summary>
    public static string PathOf(Uri? location) =>
        location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var match = TokenInput().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
