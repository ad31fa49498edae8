using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Network.Hub.Storage;

namespace Network.Hub.People;

/// <summary>
/// People's accounts and sign-in (ASP.NET Core Identity on the hub's database): the cookie for the pages, the password
/// and lockout rules, the sign-in rate limit, invitations, and <c>POST /sign-out</c>.
/// </summary>
public static class PeopleExtensions
{
    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = "network.session";

    /// <summary>How long a session lasts at most, from sign-in (not extended by use).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>How often a session's security stamp is checked: a removed person, a changed role or password ends it within this.</summary>
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromMinutes(5);

    /// <summary>The shortest password allowed.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int LockoutFailures = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Registers accounts, the sign-in cookie and the people's services on the web host.</summary>
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPeopleStore();
        builder.Services.AddAuthentication()
            .AddPolicyScheme(CallerSchemes.Default, "The cookie on pages, a bearer token elsewhere", scheme => scheme.ForwardDefaultSelector = CallerSchemes.For)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = SessionLifetime;
            cookie.SlidingExpiration = false;
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = "/sign-out";
            cookie.AccessDeniedPath = "/access-denied";
            cookie.ReturnUrlParameter = "returnUrl";
        });
        builder.Services.ConfigureExternalCookie(cookie => cookie.Cookie.SameSite = SameSiteMode.Strict);
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = StampCheckInterval);
        builder.Services.AddSingleton<SignInAttempts>();
        return builder;
    }

    /// <summary>The accounts alone (Identity's stores on the hub's database, invitations): what the admin commands need.</summary>
    public static IServiceCollection AddPeopleStore(this IServiceCollection services)
    {
        services.AddDataProtection(); // Identity's token providers; the cookie and antiforgery on the web host
        services.AddIdentityCore<PersonRecord>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = MinimumPasswordLength;
                // Length is what makes a password hard to guess; composition rules make people write them down.
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = LockoutFailures;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NetworkDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PersonClaims>();
        services.AddScoped<PeopleAccounts>();
        services.AddScoped<Invitations>();
        return services;
    }

    /// <summary>Maps <c>POST /sign-out</c> (a form with the antiforgery token; the cookie authenticates it).</summary>
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        // [FromForm] makes the endpoint require the antiforgery token.
        app.MapPost("/sign-out", async (SignInManager<PersonRecord> signIn, [FromForm(Name = "returnUrl")] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(LocalPath.OrHome(returnUrl));
            })
            .WithMetadata(PersonEndpointMetadata.Instance)
            .ExcludeFromDescription();
        return app;
    }
}
