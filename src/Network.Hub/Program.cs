using Network.Hub.Administration;
using Network.Hub.Attestations;
using Network.Hub.Catalogue;
using Network.Hub.Cities;
using Network.Hub.Comparison;
using Network.Hub.Demo;
using Network.Hub.Exports;
using Network.Hub.GraphQL;
using Network.Hub.Health;
using Network.Hub.Home;
using Network.Hub.Hosting;
using Network.Hub.Identity;
using Network.Hub.Ingestion;
using Network.Hub.Keys;
using Network.Hub.Limits;
using Network.Hub.Logging;
using Network.Hub.Matching;
using Network.Hub.Messaging;
using Network.Hub.OData;
using Network.Hub.Pages.Layout;
using Network.Hub.Scoring;
using Network.Hub.Storage;
using Network.Hub.Targets;
using Network.Hub.Verification;
using Network.Hub.Verifiers;

if (AdminCommands.AreRequested(args))
{
    return await AdminCommands.RunAsync(args, Console.Out);
}

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.ListenOnDefaultUnlessGiven();
    builder.AddOneLineLogging();

    builder.AddHubDefaults();
    builder.AddRequestLimits();
    builder.AddStorage();
    builder.AddIdentity();
    builder.AddVerifiers();
    builder.AddKpiCatalogue();
    builder.AddIngestion();
    builder.AddAttestations();
    builder.AddMessaging();
    builder.AddScoring();
    builder.AddMatching();
    builder.AddODataFeed();
    builder.AddComparison();
    builder.AddTargetSets();
    builder.AddGraphQL();
    builder.AddDemoNetwork();
    builder.AddPages();

    var app = builder.Build();

    app.UseHubDefaults();
    app.UseIdentity();

    app.MapHomePage();
    app.MapHealth();
    app.MapTokenEndpoint();
    app.MapKpiCatalogueApi();
    app.MapSnapshotsApi();
    app.MapAttestationsApi();
    app.MapCitiesApi();
    app.MapMembershipApi();
    app.MapPublicKeysApi();
    app.MapEnrollmentsApi();
    app.MapVerifiersApi();
    app.MapVerificationQueueApi();
    app.MapODataFeed();
    app.MapGraphQL();
    app.MapComparisonExports();
    app.MapTargetSetsApi();
    app.MapVerdictSheetApi();
    app.MapQuestionThreadsApi();
    app.MapPages();

    app.PrintBannerOnStartup();

    // Migrate and prove the database writable before the host starts: a database that cannot serve stops the hub here
    // with one sentence, not in the middle of the host's start-up with its stack traces.
    await app.PrepareStorageAsync();
    // Not RunAsync: it disposes the host on the way out, and its services must still be there to say how the
    // background work ended (asking a disposed host threw on every Ctrl+C).
    await app.StartAsync();
    await app.WaitForShutdownAsync();
    var failed = app.BackgroundWorkFailed();
    await app.DisposeAsync();
    return failed ? 1 : 0;
}
catch (StartupFailureException failure)
{
    // One sentence naming the file or setting and what to do; the operator needs no stack trace to act on it.
    await Console.Error.WriteLineAsync(failure.Message);
    return StartupFailureException.ExitCode;
}

/// <summary>The hub's entry point, public so that tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
