using System.Text;

namespace Network.Performance;

/// <summary>What one measured row sends, and what it needs to send it.</summary>
/// <param name="Class">Issue 11's class number (0 for the cheap baselines).</param>
/// <param name="Name">The row's name in the table.</param>
/// <param name="SendAsync">Sends the request(s); returns what came back.</param>
public sealed record AttackCase(int Class, string Name, Func<AttackContext, Task<Outcomes>> SendAsync);

/// <summary>Rows measured on one hub process (started for them, stopped after them).</summary>
/// <param name="Class">The class number, for <c>--only</c>.</param>
/// <param name="BigStore">Whether the hub runs on the big store's copy (else on the demo store).</param>
/// <param name="Cases">The rows, measured one after another.</param>
public sealed record AttackGroup(int Class, bool BigStore, IReadOnlyList<AttackCase> Cases);

/// <summary>What a row's requests are sent with.</summary>
/// <param name="Http">A client of the hub (base address set; no time-out of its own: each request has one).</param>
/// <param name="Options">The run's options.</param>
/// <param name="Store">The store, for the publishing city's client id.</param>
/// <param name="Secret">The publishing city's client secret in this hub's database.</param>
public sealed record AttackContext(HttpClient Http, AttackOptions Options, HubStore Store, string Secret)
{
    /// <summary>The publishing city's node token, got while warming up the hub.</summary>
    public string? NodeToken { get; set; }
}

/// <summary>Issue 11's attack classes as rows of the <c>attacks</c> table.</summary>
public static class AttackCases
{
    /// <summary>Wrong client secrets sent to the token endpoint in class 4.</summary>
    public const int WrongSecrets = 1_500;

    /// <summary>The size of the oversized bodies of class 8: twice Kestrel's 2 MiB limit.</summary>
    public const long OversizedBody = 4L * 1024 * 1024;

    /// <summary>
    /// Every group, in the order measured; <paramref name="big"/> adds the big-store rows of classes 2 and 3; <paramref name="quick"/>
    /// leaves out the second class-1 row (a field that is accepted) and class 4's control row (the path without the slash).
    /// </summary>
    public static IReadOnlyList<AttackGroup> All(bool big, int repeat, bool quick)
    {
        var groups = new List<AttackGroup>
        {
            new(0, false, [
                new(0, $"baseline: `GET /health` (mean of {repeat})", c => Repeat(c, repeat, () => new HttpRequestMessage(HttpMethod.Get, "health"))),
                new(0, $"baseline: small GraphQL query `{AttackRequests.SmallQuery}` (mean of {repeat})", c => Repeat(c, repeat, () => AttackRequests.GraphQL(AttackRequests.SmallQuery))),
            ]),
            new(1, false, quick ? [Repeated("cities { id }")] : [Repeated("periods"), Repeated("cities { id }")]),
            new(2, false, [Peers(AttackRequests.DemoCity, "demo store")]),
        };
        if (big)
        {
            // The demo city reported only for 2020; the big store's newest period (the default) is the synthetic cities'.
            groups.Add(new(2, true, [Peers(ComparisonNetwork.CityIdOf(0), "big store")]));
        }

        groups.Add(new(3, false, [new(3, "3: anonymous `GET /odata/Snapshots?$expand=Values`, demo store", ExpandAll)]));
        if (big)
        {
            groups.Add(new(3, true, [
                new(3, "3: anonymous `GET /odata/Snapshots?$expand=Values`, big store, the first after start-up", ExpandAll),
                new(3, $"3: the same, big store, once the hub has answered it (mean of {Warmed})", c => Repeat(c, Warmed, () => new HttpRequestMessage(HttpMethod.Get, "odata/Snapshots?$expand=Values"))),
                new(3, $"3: a node publishes a snapshot for {BigStoreNewestPeriod}, then anonymous `GET /odata/Snapshots?$expand=Values&$filter=Period eq {BigStoreNewestPeriod}`: the CPU of both (mean of {Warmed})", ExpandAfterSnapshotsAsync),
            ]));
        }

        groups.Add(new(4, false, [new(4, $"4: {WrongSecrets:N0} wrong client secrets to `POST /connect/token/` (trailing slash), 8 at a time", c => WrongSecretsAsync(c, "connect/token/"))]));
        if (!quick)
        {
            groups.Add(new(4, false, [new(4, $"4 (control): {WrongSecrets:N0} wrong client secrets to `POST /connect/token`, 8 at a time", c => WrongSecretsAsync(c, "connect/token"))]));
        }

        groups.Add(new(8, false, [
            new(8, "8: 4 MiB chunked body to `POST /api/snapshots` (node token)", c =>
                Once(c, AttackRequests.Chunked("api/snapshots", "application/jose", [], OversizedBody, c.NodeToken))),
            new(8, "8: 4 MiB chunked body to `POST /graphql`", c =>
                Once(c, AttackRequests.Chunked("graphql", "application/json", "{\"query\":\"{ periods }\",\"x\":\""u8.ToArray(), OversizedBody))),
            new(8, "8: 4 MiB chunked body to `POST /connect/token`", c =>
                Once(c, AttackRequests.Chunked("connect/token", "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=x&client_secret="u8.ToArray(), OversizedBody))),
        ]));
        return groups;
    }

    private static AttackCase Repeated(string field) =>
        new(1, $"1: `{field}` repeated {AttackRequests.Repetitions(field):N0}× in one selection ({Kb(AttackRequests.RepeatedField(field))} KB query)",
            c => Once(c, AttackRequests.GraphQL(AttackRequests.RepeatedField(field))));

    private static AttackCase Peers(string city, string store) =>
        new(2, $"2: 1,000 aliases of `peers(city: \"{city}\")` ({Kb(AttackRequests.PeersAliases(city))} KB query), {store}",
            c => Once(c, AttackRequests.GraphQL(AttackRequests.PeersAliases(city))));

    private static Task<Outcomes> ExpandAll(AttackContext c) => Once(c, new HttpRequestMessage(HttpMethod.Get, "odata/Snapshots?$expand=Values"));

    /// <summary>The newest period of the big store (<see cref="ComparisonNetwork"/> from 2021, 5 periods).</summary>
    private const int BigStoreNewestPeriod = 2025;

    /// <summary>How many times the warmed rows of class 3 send their request.</summary>
    private const int Warmed = 10;

    // What an outsider can make the hub repeat while nodes publish: each snapshot changes its period's engine, and the
    // next read of that period's scores pays for bringing it up to date. The snapshots are the load run's publisher's.
    private static async Task<Outcomes> ExpandAfterSnapshotsAsync(AttackContext c)
    {
        var outcomes = new Outcomes(); // the reads only: each read's CPU-s then holds its snapshot's too
        for (var i = 0; i < Warmed; i++)
        {
            var jws = ComparisonNetwork.Sign(c.Store.Publisher, 7_777 + i, BigStoreNewestPeriod, Network.Contracts.Catalogue.KpiCatalogue.Default);
            var published = await AttackRequests.SendAsync(c.Http, AttackRequests.Snapshot(jws, c.NodeToken), c.Options.Timeout);
            if (published != "202")
            {
                throw new InvalidOperationException($"Publishing a snapshot was answered {published}, not 202.");
            }

            outcomes.Add(await AttackRequests.SendAsync(c.Http, new HttpRequestMessage(HttpMethod.Get, $"odata/Snapshots?$expand=Values&$filter=Period eq {BigStoreNewestPeriod}"), c.Options.Timeout));
        }

        return outcomes;
    }

    private static string Kb(string query) => (Encoding.UTF8.GetByteCount(query) / 1000.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Outcomes> Once(AttackContext c, HttpRequestMessage request)
    {
        var outcomes = new Outcomes();
        outcomes.Add(await AttackRequests.SendAsync(c.Http, request, c.Options.Timeout));
        return outcomes;
    }

    private static async Task<Outcomes> Repeat(AttackContext c, int times, Func<HttpRequestMessage> request)
    {
        var outcomes = new Outcomes();
        for (var i = 0; i < times; i++)
        {
            outcomes.Add(await AttackRequests.SendAsync(c.Http, request(), c.Options.Timeout));
        }

        return outcomes;
    }

    // An existing client's id with wrong secrets, as a guesser would send them, 8 in flight.
    private static async Task<Outcomes> WrongSecretsAsync(AttackContext c, string path)
    {
        var outcomes = new Outcomes();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, WrongSecrets),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => outcomes.Add(await AttackRequests.SendAsync(c.Http, AttackRequests.Token(path, c.Store.PublisherClientId, $"wrong-{i}"), c.Options.Timeout)));
        return outcomes;
    }
}
