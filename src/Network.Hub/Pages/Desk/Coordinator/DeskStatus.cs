namespace Network.Hub.Pages.Desk.Coordinator;

/// <summary>The status a desk page answers with when it refuses something, set as the answer starts.</summary>
public static class DeskStatus
{
    /// <summary>
    /// Answers <paramref name="status"/>. Set while rendering, a 404 makes the framework drop the page for a bodiless answer
    /// (so that a router's not-found page can take over); these pages say in words what is wrong, so the status is set
    /// as the answer starts, as the enrollment page does.
    /// </summary>
    public static void Set(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
