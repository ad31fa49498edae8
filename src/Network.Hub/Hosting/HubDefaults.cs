using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Network.Contracts.Catalogue;
using Network.Hub.GraphQL;
using Network.Hub.Home;
using Network.Hub.Problems;

namespace Network.Hub.Hosting;

/// <summary>
/// What every request to the hub gets, whatever feature answers it: errors as ProblemDetails
/// (RFC 9457) without exception details, a cap on request bodies, and one JSON style.
/// </summary>
public static class HubDefaults
{
    /// <summary>
    /// The largest request body Kestrel accepts: 2 MiB. A signed snapshot of all 91 KPIs is a few tens
    /// of kilobytes, so anything near this size is a mistake or an attack, and is refused with 413.
    /// </summary>
    public const long MaxRequestBodySize = 2 * 1024 * 1024;

    /// <summary>
    /// Registers ProblemDetails, the request size limit, the JSON options (camelCase names, enums as
    /// camelCase strings) and the health check service that features add their checks to.
    /// </summary>
    public static IHostApplicationBuilder AddHubDefaults(this IHostApplicationBuilder builder)
    {
        // What WebHost.ConfigureKestrel does, written against the services so any host builder can call this.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize);

        // Every failure becomes its answer here: ProblemDetails (Problems), and exceptions that are the caller's mistake
        // (Kestrel's refusals, e.g. a chunked body past the limit: 413) or a database that cannot serve (503) are
        // answered by their problem, not as 500s (ExceptionProblems).
        builder.Services.AddProblemAnswers();

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });

        builder.AddReverseProxy();

        // Later features (storage, bus, token keys) add their own checks to this one service; /health/ready runs them.
        builder.Services.AddHealthChecks();

        return builder;
    }

    /// <summary>
    /// Puts the security headers on every response (<see cref="SecurityHeaders"/>, the policy allowing the inline
    /// content of the hub's own pages: the home page and the GraphQL try-it page), turns unhandled exceptions into a
    /// 500 ProblemDetails (logged, never echoed to the client) and bodiless error statuses (404 for an unknown path,
    /// 405 for a wrong method) into ProblemDetails. Call it before mapping endpoints.
    /// </summary>
    public static WebApplication UseHubDefaults(this WebApplication app)
    {
        // First: everything after (rate limits, HTTPS checks, logs) sees the client's address and scheme, not the proxy's.
        app.UseReverseProxy();
        app.UseSecurityHeaders(SecurityHeaders.ContentSecurityPolicy(HomePage.Render([], KpiCatalogue.Default), TryItPage.Html));
        // In Development, WebApplication puts the developer exception page (with stack traces) in front of
        // the pipeline; this handler sits inside it and answers first, so no environment leaks a trace.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
