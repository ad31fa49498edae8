using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Network.Hub.Logging;

/// <summary>
/// The hub's console format: one log entry is exactly one line, whatever was logged. The rendered message, every
/// scope and the exception (stack trace included) go through <see cref="LogText"/>, so a newline a caller put into a
/// JSON member name, a GraphQL variable or a header can never forge a line of its own, at any call site, present or
/// future. Lines read <c>2026-12-07T13:30:00.000Z info: Category[EventId] message => scope | exception</c>.
/// </summary>
public sealed class OneLineConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name, for <c>Logging:Console:FormatterName</c>.</summary>
    public const string FormatterName = "hub";

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        if (settings.TimestampFormat is { } format)
        {
            var now = settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            LogText.Write(textWriter, now.ToString(format, CultureInfo.InvariantCulture));
        }

        textWriter.Write(LevelOf(logEntry.LogLevel));
        textWriter.Write(": ");
        LogText.Write(textWriter, logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture));
        textWriter.Write("] ");
        LogText.Write(textWriter, message);
        if (settings.IncludeScopes && scopeProvider is not null)
        {
            scopeProvider.ForEachScope(static (scope, writer) =>
            {
                writer.Write(" => ");
                LogText.Write(writer, Convert.ToString(scope, CultureInfo.InvariantCulture));
            }, textWriter);
        }

        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(" | ");
            LogText.Write(textWriter, exception.ToString());
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string LevelOf(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
