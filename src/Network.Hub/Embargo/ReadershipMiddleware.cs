namespace Network.Hub.Embargo;

/// <summary>Decides each request's <see cref="CallerReadership"/> from its authenticated caller, once, before any endpoint runs.</summary>
public static class ReadershipMiddleware
{
    /// <summary>Adds the middleware; it must come after <c>UseAuthentication</c>, which puts the token's scopes on the user.</summary>
    public static IApplicationBuilder UseReadership(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<CallerReadership>().Decide(ReadershipOfRequest.Of(context.User));
            return next(context);
        });
}
