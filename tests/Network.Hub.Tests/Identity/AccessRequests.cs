using System.Text;

namespace Network.Hub.Tests.Identity;

/// <summary>Requests that probe who may call an endpoint: what is sent matters only as far as routing needs it.</summary>
internal static class AccessRequests
{
    /// <summary>Sends <paramref name="method"/> <paramref name="path"/>, with a body of the type the endpoint's route accepts for a POST.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            // The body's type is checked when the route is matched, before anyone is authorised: send what each expects.
            var jose = path is "/api/snapshots" or "/api/enrollments" or "/api/attestations";
            request.Content = new StringContent(jose ? "not.a.jws" : "{}", Encoding.UTF8, jose ? "application/jose" : "application/json");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
