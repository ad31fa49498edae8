using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages.Browser;

/// <summary>Signing a person in, in the browser, through the sign-in page as they would.</summary>
public static class BrowserSignIn
{
    /// <summary>
    /// Makes a person with <paramref name="role"/> on <paramref name="hub"/> and signs them in on <paramref name="browser"/>'s
    /// page (the e-mail address and password typed into the form); returns the e-mail address. The page is then on <c>/desk</c>.
    /// </summary>
    public static async Task<string> SignInAsync(this BrowserPage browser, KestrelHub hub, Network.Hub.People.PersonRole role, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(hub);
        var email = await hub.AddPersonAsync(role, name: name);
        await browser.Page.GotoAsync(hub.Root + "/sign-in?returnUrl=%2Fdesk");
        await browser.Page.FillAsync("#email", email);
        await browser.Page.FillAsync("#password", SignedInPeople.Password);
        await browser.Page.ClickAsync("form.stacked button[type=submit]");
        await browser.Page.WaitForURLAsync("**/desk");
        return email;
    }
}
