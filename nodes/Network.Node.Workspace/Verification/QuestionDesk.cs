using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Network.Node.Workspace.Verification;

/// <summary>
/// The city's side of the question threads: reads the threads verifiers opened about its values, and answers them.
/// Questions and answers stay members-only at the hub: only the city's node, its verifiers and coordinators read them.
/// </summary>
/// <param name="cityId">The node's city.</param>
/// <param name="hub">The hub, with the node's credentials.</param>
public sealed class QuestionDesk(string cityId, HubSession hub)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The city's threads (of <paramref name="period"/>, when given).</summary>
    /// <exception cref="HubCallException">The hub could not be asked, or refused (the message says why).</exception>
    public async Task<CityThreadList> ListAsync(int? period, CancellationToken ct)
    {
        var query = period is { } p ? "?period=" + p.ToString(CultureInfo.InvariantCulture) : "";
        var reply = await hub.GetAsync($"/api/cities/{Uri.EscapeDataString(cityId)}/questions{query}", ct);
        if (reply.Status != HttpStatusCode.OK)
        {
            throw new HubCallException(reply.Describe());
        }

        return JsonSerializer.Deserialize<CityThreadList>(reply.Bytes, Json)
            ?? throw new HubCallException("the hub answered no thread list");
    }

    /// <summary>
    /// Answers the verifier's question about one value. Without <paramref name="period"/>, the period of the one open
    /// thread about that value with that verifier.
    /// </summary>
    /// <returns>The stored answer's id, or why it was not stored (every field the hub named, one per line).</returns>
    /// <exception cref="HubCallException">The hub could not be asked.</exception>
    public async Task<(Guid? Answer, string? Failure)> AnswerAsync(int? period, string kpi, string? dataPoint, string verifierId, string text, CancellationToken ct)
    {
        if (period is null)
        {
            var open = (await ListAsync(null, ct)).Threads
                .Where(t => t.Open && t.Kpi == kpi && t.DataPoint == dataPoint && t.VerifierId == verifierId)
                .Select(t => t.Period).Distinct().ToList();
            switch (open.Count)
            {
                case 0:
                    return (null, $"{verifierId} has no open question about {Describe(kpi, dataPoint)}; `questions` lists the open ones (give --period to answer a closed thread again).");
                case > 1:
                    return (null, $"{verifierId} has open questions about {Describe(kpi, dataPoint)} in {string.Join(" and ", open)}: say which with --period.");
            }

            period = open[0];
        }

        var reply = await hub.PostJsonAsync($"/api/cities/{Uri.EscapeDataString(cityId)}/questions/answers",
            new { period, kpi, dataPoint, verifierId, text }, ct);
        return reply.Status == HttpStatusCode.Created && reply.Json() is { } message && message.TryGetProperty("id", out var id)
            ? (id.GetGuid(), null)
            : (null, reply.Describe());
    }

    /// <summary>A value in words: <c>EC-ICT-ICT-4C (4G)</c>.</summary>
    public static string Describe(string kpi, string? dataPoint) => dataPoint is null ? kpi : $"{kpi} ({dataPoint})";
}
