namespace Network.Hub.Tests.Pages.Browser;

/// <summary>
/// Where the browser tests save their screenshots: <c>NETWORK_SCREENSHOTS</c> when set, else <c>screenshots/</c> beside
/// the test assembly. The README's pictures are chosen from these (docs/screenshots/).
/// </summary>
public static class Screenshots
{
    /// <summary>The directory, created on first use.</summary>
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("NETWORK_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
}
