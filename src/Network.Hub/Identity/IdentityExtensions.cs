using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;
using Network.Hub.Messaging;
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
    /// <exception cref="InvalidOperationException">No certificates are configured where development keys are not allowed, or a certificate cannot be read.</exception>
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        var developmentKeys = UsesDevelopmentKeys(builder, options);
        var requireHttps = options.RequireHttps ?? !developmentKeys;
        (X509Certificate2 Signing, X509Certificate2 Encryption)? credentials = developmentKeys ? null : LoadCertificates(options, builder.Environment.ContentRootPath);

        builder.Services.AddClientStore()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AddEventHandler(TokenRateLimit.Descriptor);
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. Scopes.All]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                // Access tokens say who the client is, its city and its scopes: nothing secret. Signed but not encrypted,
                // a city's IT can read what a token grants, and any resource server can check it with the public key.
                server.DisableAccessTokenEncryption();
                if (options.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

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
                // A token in a URL ends up in logs; in a form body it is not where clients put it.
                validation.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
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
        builder.Services.AddScoped<Enrollments>();
        builder.Services.AddSingleton<TokenRequestLimiter>();
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
        return services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<NetworkDbContext>());
    }

    /// <summary>
    /// Authentication (a bearer token, when sent, is validated for every request; the token endpoint, limited inside
    /// it, is answered there), then the rate limits for anonymous callers and authorization.
    /// </summary>
    public static WebApplication UseIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

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

        var embedded = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>()?.Transport is null or BusTransport.InMemory;
        if (embedded || builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
        {
            return true;
        }

        throw new InvalidOperationException(
            "The hub needs keys to sign its access tokens. Configure Network:Identity:SigningCertificate:Path and " +
            "Network:Identity:EncryptionCertificate:Path (PFX files with their private keys, and :Password), or set " +
            "Network:Identity:DevelopmentKeys=true to use keys that live in memory only (tokens die with the process).");
    }

    private static (X509Certificate2 Signing, X509Certificate2 Encryption) LoadCertificates(IdentityOptions options, string contentRoot)
    {
        if (options.SigningCertificate?.Path is not { Length: > 0 } || options.EncryptionCertificate?.Path is not { Length: > 0 })
        {
            throw new InvalidOperationException(
                "Network:Identity needs both SigningCertificate:Path and EncryptionCertificate:Path (they may name the same PFX file only if its key may both sign and encrypt).");
        }

        return (Load(options.SigningCertificate, "SigningCertificate", contentRoot), Load(options.EncryptionCertificate, "EncryptionCertificate", contentRoot));
    }

    private static X509Certificate2 Load(CertificateFile file, string setting, string contentRoot)
    {
        var path = Path.GetFullPath(file.Path!, contentRoot);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Network:Identity:{setting}:Path names {path}, which does not exist.");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"Network:Identity:{setting}: {path} holds no private key; export the certificate with its key (PFX).");
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"Network:Identity:{setting}: {path} cannot be read as a PFX with the configured password: {e.Message}", e);
        }
    }
}
