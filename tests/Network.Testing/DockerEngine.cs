using System.Net.Sockets;

namespace Network.Testing;

/// <summary>
/// The Docker engine Testcontainers needs. A test that needs it calls <see cref="Require"/>: without one it is
/// skipped with the reason (CI machines have none); the same behaviour is covered on SQLite elsewhere.
/// </summary>
public static class DockerEngine
{
    /// <summary>Skips the calling test, saying <paramref name="why"/> it needs Docker, unless an engine answers.</summary>
    public static void Require(string why)
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is not null || Answers("/var/run/docker.sock"))
        {
            return;
        }

        Assert.Skip($"No Docker engine (no DOCKER_HOST and /var/run/docker.sock does not answer): {why}");
    }

    private static bool Answers(string socketPath)
    {
        if (!File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
