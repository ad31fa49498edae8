using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Matching;
using Network.Hub.Problems;

namespace Network.Hub.Tests.Hosting;

/// <summary>The one place a failure becomes an answer: the problem catalogue, its writer, and the engine's refusals.</summary>
public sealed class FailureAnswerTests
{
    [Fact]
    public async Task A_problem_written_by_middleware_has_its_status_retry_after_instance_and_trace_id()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemAnswers().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/api/cities";
        context.Response.Body = new MemoryStream();

        await HubProblem.StorageUnavailable().WriteAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("30", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var body = (await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(503, body.GetProperty("status").GetInt32());
        Assert.Equal("Storage unavailable", body.GetProperty("title").GetString());
        Assert.Equal("/api/cities", body.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
    }

    [Fact]
    public void A_problem_keeps_its_extension_members_in_order_and_its_field_errors()
    {
        var problem = new HubProblem(StatusCodes.Status400BadRequest, "Refused", "Why.") { Type = "https://example.org/p", Errors = new Dictionary<string, string[]> { ["name"] = ["needed"] } }
            .With("b", 1)
            .With("a", "two");

        var details = Assert.IsType<HttpValidationProblemDetails>(problem.ToProblemDetails());

        Assert.Equal((400, "Refused", "Why.", "https://example.org/p"), (details.Status, details.Title, details.Detail, details.Type));
        Assert.Equal(["b", "a"], details.Extensions.Keys);
        Assert.Equal(["needed"], details.Errors["name"]);
        Assert.IsNotType<HttpValidationProblemDetails>(new HubProblem(404, "Gone", null).ToProblemDetails());
        Assert.Throws<InvalidOperationException>(() => new HubProblem(404, "Gone", null).ToValidationResult());
    }

    [Fact]
    public void The_engines_refusals_are_told_from_faults()
    {
        Assert.Equal(new EngineRefusal(EngineRefusalKind.CityNotReported, "NO-5001 reported nothing"),
            EngineRefusal.Of(new KeyNotFoundException("NO-5001 reported nothing")));
        Assert.Equal(EngineRefusalKind.InvalidArgument, EngineRefusal.Of(new ArgumentOutOfRangeException("limit", "too many"))?.Kind);
        Assert.Null(EngineRefusal.Of(new InvalidOperationException("a bug")));
    }
}
