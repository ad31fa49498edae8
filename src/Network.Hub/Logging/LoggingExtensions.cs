using Microsoft.Extensions.Logging.Console;

namespace Network.Hub.Logging;

/// <summary>Registers the hub's console logging.</summary>
public static class LoggingExtensions
{
    /// <summary>
    /// Writes the console log with <see cref="OneLineConsoleFormatter"/>: one line per entry, with every control
    /// character escaped. Set after configuration is read, so no setting can bring back a formatter that lets a
    /// caller's text split a line. Its options are <c>Logging:Console:FormatterOptions</c> (<c>TimestampFormat</c>,
    /// <c>UseUtcTimestamp</c>, <c>IncludeScopes</c>).
    /// </summary>
    public static IHostApplicationBuilder AddOneLineLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddConsoleFormatter<OneLineConsoleFormatter, ConsoleFormatterOptions>();
        builder.Logging.AddConsole(options => options.FormatterName = OneLineConsoleFormatter.FormatterName);
        return builder;
    }
}
