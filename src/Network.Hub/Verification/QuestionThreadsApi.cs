using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Embargo;
using Network.Hub.Identity;
using Network.Hub.Problems;
using Network.Hub.Storage;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Network.Hub.Verification;

/// <summary>
/// The question threads between a city and its verifiers, one per value (city, period, KPI, data point) and verifier:
/// a verifier asks (<c>POST /api/verification/questions</c>), the city's node reads
/// (<c>GET /api/cities/{cityId}/questions</c>) and answers (<c>POST /api/cities/{cityId}/questions/answers</c>).
/// Members-only and never public: only the city's own node, a verifier assigned to the city (its own threads) and
/// network coordinators read them; other member cities do not.
/// </summary>
public static class QuestionThreadsApi
{
    /// <summary>The most messages one listing returns (the newest); ask per period for older ones.</summary>
    public const int MaxMessages = 2_000;

    /// <summary>The longest question or answer, in characters.</summary>
    public const int MaxTextLength = AttestationFormat.MaxTextLength;

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapQuestionThreadsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/verification").WithTags("Verification").RequireAuthorization(Access.Verify)
            .MapPost("/questions", AskAsync)
            .WithSummary("Ask a city about one value of its snapshot (JSON: snapshotId, kpi, dataPoint, text). Its assigned verifiers");

        var cities = app.MapGroup("/api/cities").WithTags("Verification");
        // Three kinds of caller may read (the city's node, an assigned verifier, a coordinator): the handler decides
        // which, so the policy asks only for a valid token (no token: 401).
        cities.MapGet("/{cityId}/questions", ListAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).RequireAuthenticatedUser())
            .WithSummary("A city's question threads, per value, oldest message first: ?period=2020. The city's node, its verifiers, coordinators");
        cities.MapPost("/{cityId}/questions/answers", AnswerAsync)
            .RequireAuthorization(Access.Publish)
            .WithSummary("Answer a verifier's question (JSON: period, kpi, dataPoint, verifierId, text). The city's node");
        return app;
    }

    /// <summary>Stores a verifier's question: 201 with the message.</summary>
    public static async Task<Results<Created<ThreadMessageView>, ProblemHttpResult>> AskAsync(
        QuestionRequest? request, ClaimsPrincipal user, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (user.VerifierId() is not { } verifierId)
        {
            return HubProblem.NoVerifierOnToken().ToResult();
        }

        var errors = new Dictionary<string, string[]>();
        if (request?.SnapshotId is null)
        {
            errors["snapshotId"] = ["name the snapshot asked about (its id)"];
        }

        var (kpi, dataPoint, text) = CheckValueAndText(request?.Kpi, request?.DataPoint, request?.Text, errors);
        if (errors.Count > 0)
        {
            return HubProblem.QuestionNotValid(errors).ToResult();
        }

        var snapshotId = request!.SnapshotId!.Value;
        db.Readership = Readership.Network; // the verifier's own work: its assigned cities' preliminary snapshots too
        var snapshot = await db.Snapshots.AsNoTracking().Where(s => s.SnapshotId == snapshotId)
            .Select(s => new { s.CityId, s.Period }).SingleOrDefaultAsync(cancellationToken);
        if (snapshot is null)
        {
            return HubProblem.NoSnapshotToVerify(snapshotId, "snapshotId").ToResult();
        }

        if (!await VerifierCaller.IsAssignedAsync(db, verifierId, snapshot.CityId, cancellationToken))
        {
            return HubProblem.VerifierNotAssigned(verifierId, snapshot.CityId, "snapshotId").ToResult();
        }

        var storedPoint = StoredDataPoint.Write(dataPoint);
        if (!await db.KpiValues.AnyAsync(v => v.SnapshotId == snapshotId && v.KpiCode == kpi && v.DataPoint == storedPoint, cancellationToken))
        {
            return HubProblem.QuestionNotValid(new Dictionary<string, string[]>
            {
                [dataPoint is null ? "kpi" : "dataPoint"] = [$"snapshot {snapshotId} holds no value for {Describe(kpi!, dataPoint)}"],
            }).ToResult();
        }

        var message = new ThreadMessageRecord
        {
            Id = Guid.NewGuid(),
            CityId = snapshot.CityId,
            Period = snapshot.Period,
            KpiCode = kpi!,
            DataPoint = storedPoint,
            SnapshotId = snapshotId,
            VerifierId = verifierId,
            Author = ThreadAuthor.Verifier,
            AuthorClientId = VerifierCaller.ClientId(user),
            Text = text!,
            PostedAt = StoredTime.Of(time.GetUtcNow()),
        };
        db.ThreadMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(ThreadsPath(message.CityId, message.Period), ThreadMessageView.Of(message));
    }

    /// <summary>The city's threads the caller may read.</summary>
    public static async Task<Results<Ok<QuestionThreadList>, ProblemHttpResult>> ListAsync(
        string cityId, string? period, ClaimsPrincipal user, NetworkDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        int? year = null;
        if (period is not null)
        {
            if (!int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < SnapshotFormat.FirstPeriod or > 9999)
            {
                return HubProblem.QuestionNotValid(new Dictionary<string, string[]> { ["period"] = ["give the reporting period as a year, e.g. period=2020, or leave it out for all"] }).ToResult();
            }

            year = parsed;
        }

        // Whose threads: a node's own city, a coordinator everything, a verifier its own threads with a city it is assigned to.
        string? onlyVerifier = null;
        if ((user.HasScope(Scopes.Publish) && user.CityId() == cityId) || user.HasScope(Scopes.Coordinate))
        {
            if (!await db.Cities.AnyAsync(c => c.Id == cityId, cancellationToken))
            {
                return HubProblem.NoSuchCity(cityId, "City ids look like NO-5001.").ToResult();
            }
        }
        else if (user.HasScope(Scopes.Verify) && user.VerifierId() is { } verifierId)
        {
            if (!await VerifierCaller.IsAssignedAsync(db, verifierId, cityId, cancellationToken))
            {
                return HubProblem.VerifierNotAssigned(verifierId, cityId, "cityId").ToResult();
            }

            onlyVerifier = verifierId;
        }
        else
        {
            return HubProblem.NotTheCitysNode(user.CityId(), cityId).ToResult();
        }

        db.Readership = Readership.Network; // threads are hidden from every other readership, whoever asks
        var messages = await db.ThreadMessages.AsNoTracking()
            .Where(m => m.CityId == cityId && (year == null || m.Period == year) && (onlyVerifier == null || m.VerifierId == onlyVerifier))
            .OrderByDescending(m => m.PostedAt).ThenByDescending(m => m.Id)
            .Take(MaxMessages + 1)
            .ToListAsync(cancellationToken);

        var threads = messages.Take(MaxMessages)
            .GroupBy(m => (m.Period, m.KpiCode, m.DataPoint, m.VerifierId))
            .OrderByDescending(g => g.Key.Period).ThenBy(g => g.Key.KpiCode, StringComparer.Ordinal)
            .ThenBy(g => g.Key.DataPoint, StringComparer.Ordinal).ThenBy(g => g.Key.VerifierId, StringComparer.Ordinal)
            .Select(g =>
            {
                var oldestFirst = g.Reverse().Select(ThreadMessageView.Of).ToList();
                return new QuestionThread(g.Key.Period, g.Key.KpiCode, StoredDataPoint.Read(g.Key.DataPoint), g.Key.VerifierId,
                    oldestFirst[^1].Author == ThreadAuthor.Verifier, oldestFirst);
            })
            .ToList();
        return TypedResults.Ok(new QuestionThreadList(cityId, year, messages.Count > MaxMessages, threads));
    }

    /// <summary>Stores the city's answer in a thread that has a question: 201 with the message.</summary>
    public static async Task<Results<Created<ThreadMessageView>, ProblemHttpResult>> AnswerAsync(
        string cityId, AnswerRequest? request, ClaimsPrincipal user, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (user.CityId() != cityId)
        {
            return HubProblem.NotTheCitysNode(user.CityId(), cityId).ToResult();
        }

        var errors = new Dictionary<string, string[]>();
        if (request?.Period is not { } period || period < SnapshotFormat.FirstPeriod || period > 9999)
        {
            errors["period"] = ["name the reporting period (year) of the value, e.g. 2020"];
        }

        if (!AttestationFormat.IsVerifierId(request?.VerifierId))
        {
            errors["verifierId"] = ["name the verifier whose question this answers, e.g. demo-verifier (3 to 64 lower-case letters, digits and dashes)"];
        }

        var (kpi, dataPoint, text) = CheckValueAndText(request?.Kpi, request?.DataPoint, request?.Text, errors);
        if (errors.Count > 0)
        {
            return HubProblem.QuestionNotValid(errors).ToResult();
        }

        var year = request!.Period!.Value;
        var verifierId = request.VerifierId!;
        var storedPoint = StoredDataPoint.Write(dataPoint);
        db.Readership = Readership.Network;
        var question = await db.ThreadMessages.AsNoTracking()
            .Where(m => m.CityId == cityId && m.Period == year && m.KpiCode == kpi && m.DataPoint == storedPoint
                && m.VerifierId == verifierId && m.Author == ThreadAuthor.Verifier)
            .OrderByDescending(m => m.PostedAt)
            .Select(m => new { m.SnapshotId })
            .FirstOrDefaultAsync(cancellationToken);
        if (question is null)
        {
            return HubProblem.NoQuestionToAnswer(cityId, year, kpi!, dataPoint, verifierId).ToResult();
        }

        // The answer is about the value as the city holds it now: the current snapshot of the period, if a correction
        // followed the question; else the question's own.
        var current = await db.CurrentSnapshots().Where(s => s.CityId == cityId && s.Period == year)
            .Select(s => (Guid?)s.SnapshotId).FirstOrDefaultAsync(cancellationToken);
        var message = new ThreadMessageRecord
        {
            Id = Guid.NewGuid(),
            CityId = cityId,
            Period = year,
            KpiCode = kpi!,
            DataPoint = storedPoint,
            SnapshotId = current ?? question.SnapshotId,
            VerifierId = verifierId,
            Author = ThreadAuthor.City,
            AuthorClientId = VerifierCaller.ClientId(user),
            Text = text!,
            PostedAt = StoredTime.Of(time.GetUtcNow()),
        };
        db.ThreadMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(ThreadsPath(cityId, year), ThreadMessageView.Of(message));
    }

    // The value a message is about and its text, each refusal under its field; the caller's text is never echoed back.
    private static (string? Kpi, string? DataPoint, string? Text) CheckValueAndText(string? kpi, string? dataPoint, string? text, Dictionary<string, string[]> errors)
    {
        kpi = kpi?.Trim();
        if (string.IsNullOrEmpty(kpi) || kpi.Length > 16)
        {
            errors["kpi"] = ["name the value's KPI code, e.g. EN-EN-AQ-2C"];
        }

        dataPoint = string.IsNullOrWhiteSpace(dataPoint) ? null : dataPoint.Trim();
        if (dataPoint is { Length: > 32 })
        {
            errors["dataPoint"] = ["a data point has at most 32 characters, e.g. 4G; leave it out for a KPI reported as one number"];
        }

        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors["text"] = ["write the text (1 to 4,000 characters)"];
        }
        else if (text.Length > MaxTextLength)
        {
            errors["text"] = [$"the text has {text.Length:N0} characters; at most {MaxTextLength:N0} are allowed"];
        }

        return (kpi, dataPoint, text);
    }

    private static string Describe(string kpi, string? dataPoint) => dataPoint is null ? kpi : $"{kpi} ({dataPoint})";

    private static string ThreadsPath(string cityId, int period) => $"/api/cities/{cityId}/questions?period={period}";
}
