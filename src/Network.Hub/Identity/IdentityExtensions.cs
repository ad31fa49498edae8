using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Network.Hub.Embargo;
using Network.Hub.Health;
using Network.Hub.Hosting;
using Network.Hub.Messaging;
using Network.Hub.People;
using Network.Hub.Storage;
using OpenIddict.Validation.AspNetCore;

namespace Network.Hub.Identity;

/// <summary>
/// Identity and access: the hub is its own OAuth 2.0 authorization server (OpenIddict, client credentials, clients
/// and tokens stored in the hub's database), and its APIs accept only its own access tokens (OpenIddict validation
/// against the local server). Each scope is an authorization policy of the same name (<see cref="Access"/>).
/// </summary>
public static class IdentityExtensions
{
    /// <summary>The audience (<c>aud</c>) of every access token the hub issues; tokens for any other audience are refused.</summary>
    public const string Audience = "network-hub";

    /// <summary>Registers the authorization server, token validation, the scope policies and the rate limits.</summary>
    /// <exception cref="StartupFailureException">
    /// No certificates, or no issuer, are configured where the development defaults are not allowed, or a certificate cannot be read.
    /// </exception>
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        var developmentKeys = UsesDevelopmentKeys(builder, options);
        var issuer = Issuer(builder, options);
        var requireHttps = options.RequireHttps ?? !developmentKeys;
        (X509Certificate2 Signing, X509Certificate2 Encryption)? credentials = developmentKeys ? null : LoadCertificates(options, builder.Environment.ContentRootPath);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<TokenKeysHealthCheck>("token-keys", tags: [HealthApi.ReadyTag]);
        builder.Services.AddClientStore()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AddEventHandler(TokenRateLimit.Descriptor);
                server.AddEventHandler(IssuerBaseUri.Descriptor);
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. Scopes.All]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                // Access tokens say who the client is, its city and its scopes: nothing secret. Signed but not encrypted,
                // a city's IT can read what a token grants, and any resource server can check it with the public key.
                server.DisableAccessTokenEncryption();
                // Never left unset: OpenIddict would take the issuer from each request's Host header, so the discovery
                // document and the tokens' iss would name whatever host a caller claims.
                server.SetIssuer(issuer);

                if (credentials is { } certificates)
                {
                    server.AddSigningCertificate(certificates.Signing).AddEncryptionCertificate(certificates.Encryption);
                }
                else
                {
                    // In memory, new at every start: tokens die with the process. Only where UsesDevelopmentKeys allows.
                    // P-256 and AES rather than OpenIddict's default RSA keys, which take seconds to generate.
                    server.AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256)
                        .AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
                }

                var host = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!requireHttps)
                {
                    host.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(Audience);
                validation.AddEventHandler(RevokedClientTokens.Descriptor);
                // A token in a URL ends up in logs; in a form body it is not where clients put it.
                validation.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });

        // By endpoint: the pages read the sign-in cookie, everything else a bearer token (CallerSchemes).
        builder.Services.AddAuthentication(CallerSchemes.Default);
        builder.Services.AddAuthorization(authorization =>
        {
            foreach (var scope in Scopes.All)
            {
                authorization.AddPolicy(scope, policy => policy
                    .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .AddRequirements(new ScopeRequirement(scope)));
            }
        });
        builder.Services.AddAuthorizationBuilder().AddPagePolicies();
        builder.AddPeople();
        builder.Services.AddScoped<Enrollments>();
        builder.Services.AddSingleton<TokenRequestLimiter>();
        builder.Services.AddSingleton<TokenPruning>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TokenPruning>());
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessProblems>();
        builder.AddRateLimits();
        return builder;
    }

    /// <summary>
    /// The OAuth client store alone (OpenIddict core on the hub's database) and <see cref="ClientRegistry"/>: what the
    /// admin commands need to create clients without running the server.
    /// </summary>
    public static OpenIddictBuilder AddClientStore(this IServiceCollection services)
    {
        services.AddScoped<ClientRegistry>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClientTokenStamps>();
        return services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<NetworkDbContext>());
    }

    /// <summary>
    /// Authentication (a bearer token, when sent, is validated for every request outside the pages, the sign-in cookie
    /// on the pages, see <see cref="CallerSchemes"/>; the token endpoint, limited inside it, is answered there), then the rate limits for anonymous callers and authorization.
    /// </summary>
    public static WebApplication UseIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseReadership(); // the caller is known now: decide once what this request may read
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The tokens' issuer: <see cref="IdentityOptions.Issuer"/>; unset, the address the hub listens on where the
    /// development defaults apply (the embedded default, Development, Testing), and a refusal to start elsewhere.
    /// </summary>
    private static Uri Issuer(IHostApplicationBuilder builder, IdentityOptions options)
    {
        if (options.Issuer is { } configured)
        {
            // A trailing slash, so the endpoints' relative paths resolve under it (https://hub.example.org/network/connect/token).
            return configured.IsAbsoluteUri && (configured.Scheme == Uri.UriSchemeHttps || configured.Scheme == Uri.UriSchemeHttp)
                ? configured.AbsoluteUri.EndsWith('/') ? configured : new Uri(configured.AbsoluteUri + "/")
                : throw new StartupFailureException(
                    $"Network:Identity:Issuer must be the hub's public address as an absolute http(s) URL, e.g. https://hub.example.org/; it is '{configured.OriginalString}'.");
        }

        return AllowsDevelopmentDefaults(builder)
            ? ListeningAddress(builder.Configuration)
            : throw new StartupFailureException(
                "Set Network:Identity:Issuer to the hub's public address (e.g. https://hub.example.org/): outside the embedded default, Development and Testing the hub will not take its token issuer from the Host header callers send.");
    }

    // The first address the hub is told to listen on (Urls / ASPNETCORE_URLS, else ASPNETCORE_HTTP_PORTS or
    // ASPNETCORE_HTTPS_PORTS), with a wildcard host named localhost; the hub's default port when none is given.
    private static Uri ListeningAddress(IConfiguration configuration)
    {
        if (configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } url)
        {
            var wildcard = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(wildcard, UriKind.Absolute, out var address))
            {
                return new Uri(address.GetLeftPart(UriPartial.Authority) + "/");
            }
        }

        foreach (var (key, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
        {
            if (configuration[key]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } port
                && int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return new Uri($"{scheme}://localhost:{number}/");
            }
        }

        return new Uri("http://localhost:5080/");
    }

    // The embedded default (in-memory bus), Development and Testing: where development keys and an issuer taken from
    // the listening address are allowed without being asked for.
    private static bool AllowsDevelopmentDefaults(IHostApplicationBuilder builder) =>
        builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>()?.Transport is null or BusTransport.InMemory
        || builder.Environment.IsDevelopment()
        || builder.Environment.IsEnvironment("Testing");

    private static bool UsesDevelopmentKeys(IHostApplicationBuilder builder, IdentityOptions options)
    {
        if (options.DevelopmentKeys is { } explicitly)
        {
            return explicitly;
        }

        if (options.SigningCertificate?.Path is { Length: > 0 })
        {
            return false;
        }

        if (AllowsDevelopmentDefaults(builder))
        {
            return true;
        }

        throw new StartupFailureException(
            "The hub needs keys to sign its access tokens. Configure Network:Identity:SigningCertificate:Path and " +
            "Network:Identity:EncryptionCertificate:Path (PFX files with their private keys, and :Password), or set " +
            "Network:Identity:DevelopmentKeys=true to use keys that live in memory only (tokens die with the process).");
    }

    private static (X509Certificate2 Signing, X509Certificate2 Encryption) LoadCertificates(IdentityOptions options, string contentRoot)
    {
        if (options.SigningCertificate?.Path is not { Length: > 0 } || options.EncryptionCertificate?.Path is not { Length: > 0 })
        {
            throw new StartupFailureException(
                "Network:Identity needs both SigningCertificate:Path and EncryptionCertificate:Path (they may name the same PFX file only if its key may both sign and encrypt).");
        }

        return (Load(options.SigningCertificate, "SigningCertificate", contentRoot), Load(options.EncryptionCertificate, "EncryptionCertificate", contentRoot));
    }

    private static X509Certificate2 Load(CertificateFile file, string setting, string contentRoot)
    {
        var path = Path.GetFullPath(file.Path!, contentRoot);
        if (!File.Exists(path))
        {
            throw new StartupFailureException($"Network:Identity:{setting}:Path names {path}, which does not exist: put the PFX file (certificate with its private key) there, or correct the path.");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new StartupFailureException($"Network:Identity:{setting}: {path} holds no private key; export the certificate with its key (PFX).");
        }
        catch (CryptographicException e)
        {
            throw new StartupFailureException($"Network:Identity:{setting}: {path} cannot be read as a PFX with the configured password ({e.Message.TrimEnd('.')}): check the file and Network:Identity:{setting}:Password.", e);
        }
    }
}
