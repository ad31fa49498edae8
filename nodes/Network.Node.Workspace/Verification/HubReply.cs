using System.Net;
using System.Text;
using System.Text.Json;

namespace Network.Node.Workspace.Verification;

/// <summary>What the hub answered to one request.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Reason">The status's reason phrase.</param>
/// <param name="MediaType">The body's media type.</param>
/// <param name="Bytes">The body.</param>
public sealed record HubReply(HttpStatusCode Status, string? Reason, string? MediaType, byte[] Bytes)
{
    /// <summary>Whether the status is 2xx.</summary>
    public bool Success => (int)Status is >= 200 and < 300;

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>The body as JSON, or <see langword="null"/> when it is none.</summary>
    public JsonElement? Json()
    {
        try
        {
            return JsonDocument.Parse(Bytes).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A refusal in words: the status, the ProblemDetails' title and detail, and each field error (<c>errors</c> as a
    /// map of field to messages, or as a list of <c>{field, message}</c>), one per line.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder($"the hub answered {(int)Status} {Reason}");
        if (Json() is not { ValueKind: JsonValueKind.Object } problem)
        {
            return text.ToString();
        }

        foreach (var member in new[] { "title", "detail" })
        {
            if (problem.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String)
            {
                text.Append(": ").Append(value.GetString()!.TrimEnd('.'));
            }
        }

        foreach (var (field, message) in Errors(problem))
        {
            text.Append('\n').Append("  ").Append(field).Append(": ").Append(message);
        }

        return text.ToString();
    }

    /// <summary>The field errors of a ProblemDetails body, in order.</summary>
    public static IEnumerable<(string Field, string Message)> Errors(JsonElement problem)
    {
        if (!problem.TryGetProperty("errors", out var errors))
        {
            yield break;
        }

        if (errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                foreach (var message in field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray() : Enumerable.Empty<JsonElement>())
                {
                    yield return (field.Name, message.ToString());
                }
            }
        }
        else if (errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var field = error.TryGetProperty("field", out var f) ? f.ToString() : "";
                var message = error.TryGetProperty("message", out var m) ? m.ToString() : error.ToString();
                var reason = error.TryGetProperty("reason", out var r) ? $" ({r})" : "";
                yield return (field, message + reason);
            }
        }
    }
}
