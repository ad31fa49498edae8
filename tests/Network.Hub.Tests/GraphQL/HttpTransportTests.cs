using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Catalogue;
using Network.Hub.Embargo;
using Network.Hub.GraphQL.Loading;

namespace Network.Hub.Tests.GraphQL;

/// <summary>GraphQL over HTTP: methods, media types, status codes and spec-shaped errors; never a 500.</summary>
public sealed class HttpTransportTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    [Theory]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    [InlineData("*/*", "application/json")]
    public async Task A_get_query_is_answered_in_the_media_type_the_client_accepts(string accept, string mediaType)
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.GetAsync(client, "/graphql?query=" + Uri.EscapeDataString("{ periods }"), accept);

        Assert.Equal(mediaType, answer.MediaType);
        Assert.Equal([2020, 2019], answer.Ok().At("periods").Items().Select(p => p.GetInt32()));
    }

    [Fact]
    public async Task A_get_query_takes_variables_and_an_operation_name()
    {
        using var client = network.Hub.CreateClient();
        var query = "query Name($id: ID!) { city(id: $id) { name } } query Periods { periods }";

        var answer = await GraphQLAnswer.GetAsync(client,
            $"/graphql?query={Uri.EscapeDataString(query)}&variables={Uri.EscapeDataString("""{"id":"NO-5001"}""")}&operationName=Name");

        Assert.Equal("Trondheim", answer.Ok().At("city.name").GetString());
    }

    [Fact]
    public async Task A_mutation_over_get_is_refused_with_405_and_allow_post()
    {
        using var client = network.Hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { publish }"));
        request.Headers.Accept.ParseAdd(GraphQLAnswer.GraphQLResponse);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var answer = await GraphQLAnswer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(["MUTATION_NOT_ALLOWED_OVER_GET"], answer.ErrorCodes);
        Assert.False(answer.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_syntax_error_is_a_400_with_message_location_and_code_and_no_data()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, "{ cities { id ");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(GraphQLAnswer.GraphQLResponse, answer.MediaType);
        Assert.False(answer.Body.TryGetProperty("data", out _));
        var error = Assert.Single(answer.Errors);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(1, error.At("locations.0.line").GetInt32());
        Assert.True(error.At("locations.0.column").GetInt32() > 1);
        Assert.Equal("SYNTAX_ERROR", error.At("extensions.code").GetString());
    }

    [Fact]
    public async Task Under_application_json_a_request_error_is_a_200_with_the_same_errors()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, "{ cities { id ", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal(["SYNTAX_ERROR"], answer.ErrorCodes);
    }

    [Fact]
    public async Task An_unknown_field_is_a_400_validation_error_naming_it_with_its_location()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, "{\n  cities {\n    id\n    mayor\n  }\n}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Errors);
        Assert.Contains("mayor", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, error.At("locations.0.line").GetInt32());
        Assert.Equal(5, error.At("locations.0.column").GetInt32());
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", error.At("extensions.code").GetString());
    }

    [Fact]
    public async Task A_missing_required_argument_is_a_400_validation_error()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, "{ compare(cities: [\"NO-5001\"]) { period } }");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Errors, e => e.GetProperty("message").GetString()!.Contains("period", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_a_400_naming_the_variable()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, "query($p: Int!) { compare(cities: [\"NO-5001\"], period: $p) { period } }", new { p = "twenty" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Errors);
        Assert.Contains("$p", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(answer.Body.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("{ \"query\": ", "not valid JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{ \"variables\": {} }", "\"query\"")]
    [InlineData("{ \"query\": 42 }", "\"query\"")]
    [InlineData("{ \"query\": \"{ periods }\", \"variables\": \"p=1\" }", "\"variables\"")]
    [InlineData("{ \"query\": \"{ periods }\", \"operationName\": 7 }", "\"operationName\"")]
    public async Task A_body_that_is_not_a_graphql_request_is_a_400_saying_what_is_wrong(string body, string says)
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostJsonAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Errors);
        Assert.Contains(says, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("INVALID_REQUEST", error.At("extensions.code").GetString());
    }

    [Fact]
    public async Task A_get_without_a_query_from_a_graphql_client_is_a_400()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.GetAsync(client, "/graphql");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["INVALID_REQUEST"], answer.ErrorCodes);
    }

    [Fact]
    public async Task A_post_that_is_not_application_json_is_a_415()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostJsonAsync(client, "{ periods }", contentType: "application/graphql");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], answer.ErrorCodes);
    }

    [Fact]
    public async Task An_accept_header_allowing_neither_media_type_is_a_406()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, "{ periods }", accept: "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, answer.Status);
        Assert.Equal(["NOT_ACCEPTABLE"], answer.ErrorCodes);
    }

    [Fact]
    public async Task An_exception_in_a_resolver_is_an_error_entry_that_reveals_nothing_of_it()
    {
        // The database fails under the loaders: the answer is a GraphQL error, not a 500, with no message or trace of the exception.
        await using var broken = network.Hub.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.AddScoped(sp => new HubLoaders(new FailingScopes(), sp.GetRequiredService<RequestNetwork>(), sp.GetRequiredService<KpiCatalogue>(), sp.GetRequiredService<CallerReadership>()))));
        using var client = broken.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query = "{ city(id: \"NO-5001\") { name } periods }" })) };
        request.Content.Headers.ContentType = new("application/json");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var answer = await GraphQLAnswer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(answer.Errors);
        Assert.Equal(["city"], error.GetProperty("path").Items().Select(p => p.GetString()!));
        Assert.Equal(JsonValueKind.Null, answer.Data.GetProperty("city").ValueKind);
        Assert.Equal([2020, 2019], answer.Data.GetProperty("periods").Items().Select(p => p.GetInt32()));
        Assert.DoesNotContain(FailingScopes.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.False(error.GetProperty("extensions").TryGetProperty("details", out _));
    }

    private sealed class FailingScopes : IServiceScopeFactory
    {
        public const string Secret = "Server=db.internal;Password=hunter2";

        public IServiceScope CreateScope() => throw new InvalidOperationException($"Cannot connect to {Secret}");
    }
}
