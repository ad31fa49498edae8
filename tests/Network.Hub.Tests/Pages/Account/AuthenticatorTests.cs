using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Network.Testing.Hub;
using static Network.Testing.Hub.SignedInPeople;

namespace Network.Hub.Tests.Pages.Account;

/// <summary>
/// Authenticator codes (TOTP, RFC 6238) on /account: the key is shown as text and as an otpauth:// address, a code
/// turns codes on, and sign-in then asks for a code after the password. The codes are computed here as an app would.
/// </summary>
public sealed partial class AuthenticatorTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task With_codes_on_sign_in_asks_for_a_code_and_only_the_right_one_signs_in()
    {
        var email = await _hub.AddPersonAsync(Member, name: "Tove Totp");
        using var first = _hub.CreatePageClient();
        using (var signedIn = await SignInAsync(first, email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var account = await first.GetStringAsync(new Uri("/account", UriKind.Relative), Ct);
        var key = KeyText().Match(account).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains($"otpauth://totp/Sustainability%20Network%3A{Uri.EscapeDataString(email)}?secret={key.ToUpperInvariant()}", account, StringComparison.Ordinal);

        using (var wrong = await PostFormAsync(first, "/account", "totp-on", new Dictionary<string, string> { ["Code"] = Wrong(Code(key)) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var on = await PostFormAsync(first, "/account", "totp-on", new Dictionary<string, string> { ["Code"] = Code(key) }))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
            Assert.Contains("Authenticator codes are on", await on.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var second = _hub.CreatePageClient();
        using var password = await SignInAsync(second, email, Password, "/sign-in?returnUrl=%2Fdesk");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/sign-in/code?returnUrl=%2Fdesk", PathOf(password.Headers.Location));
        using (var desk = await second.GetAsync(new Uri("/desk", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode); // the password alone is no session
        }

        using var wrongCode = await PostFormAsync(second, "/sign-in/code?returnUrl=%2Fdesk", "sign-in-code", new Dictionary<string, string> { ["Code"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        using var code = await PostFormAsync(second, "/sign-in/code?returnUrl=%2Fdesk", "sign-in-code", new Dictionary<string, string> { ["Code"] = Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/desk", PathOf(code.Headers.Location));
        Assert.Contains("Signed in as Tove Totp", await second.GetStringAsync(new Uri("/desk", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    // RFC 6238 with the defaults authenticator apps use: HMAC-SHA1, 30-second steps, six digits.
    private static string Code(string base32Key)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238's HMAC-SHA1 is what authenticator apps compute; the test must compute the same.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("<dt>Key</dt><dd><code class=\"secret\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyText();
}
