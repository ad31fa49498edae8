namespace Network.Hub.Identity;

/// <summary>
/// The hub as an OAuth 2.0 authorization server: configuration section <c>Network:Identity</c>. In production the
/// token signing and encryption keys come from certificate files (PFX), so tokens survive restarts and every hub
/// instance behind a load balancer accepts every other's tokens; only the embedded default (and development and
/// tests) may use development keys, which live in memory and die with the process.
/// </summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:Identity";

    /// <summary>The certificate (with its private key) that signs access tokens: <c>Network:Identity:SigningCertificate:Path</c> and <c>:Password</c>.</summary>
    public CertificateFile? SigningCertificate { get; set; }

    /// <summary>The certificate (with its private key) that encrypts the tokens OpenIddict encrypts: <c>Network:Identity:EncryptionCertificate</c>.</summary>
    public CertificateFile? EncryptionCertificate { get; set; }

    /// <summary>
    /// Whether to use development keys (new, random, in memory) instead of certificates. Unset means: yes for the
    /// embedded default (in-memory bus) and in the Development and Testing environments, when no certificate is
    /// configured; otherwise the hub refuses to start without certificates.
    /// </summary>
    public bool? DevelopmentKeys { get; set; }

    /// <summary>
    /// Whether the token endpoint refuses plain HTTP. Unset means: yes, unless development keys are in use. Behind a
    /// proxy that terminates TLS, the proxy must say so (forwarded headers) or this must be set to false.
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>How long an access token is valid. Clients cache it until shortly before it expires.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The issuer (<c>iss</c>) of the tokens and of the discovery document: the hub's public address, e.g.
    /// <c>https://hub.example.org/</c>. Required outside the embedded default, Development and Testing, where unset
    /// means the address the hub listens on (<c>Urls</c>, <c>ASPNETCORE_URLS</c>, ...). Never the request's Host header.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// How long a hub trusts what it read of a client's token stamp (<see cref="ClientTokenStamps"/>) before reading it
    /// again. A change made through this hub (a new secret, a removed client, a revoked key) takes effect at once; one
    /// made through another hub instance or the admin commands, within this time. Default 30 seconds.
    /// </summary>
    public TimeSpan ClientStampCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired and revoked token rows are deleted (<see cref="TokenPruning"/>). Default 1 hour; zero turns pruning off.</summary>
    public TimeSpan TokenPruningInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an expired or revoked token row is kept before pruning deletes it, for tracing. Default 1 day.</summary>
    public TimeSpan TokenPruningKeepFor { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>A PKCS#12 (PFX) file holding a certificate and its private key.</summary>
public sealed class CertificateFile
{
    /// <summary>The file's path, absolute or relative to the hub's content root.</summary>
    public string? Path { get; set; }

    /// <summary>The file's password; better given by the environment (<c>Network__Identity__SigningCertificate__Password</c>).</summary>
    public string? Password { get; set; }
}
