using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Logging;

/// <summary>
/// Nothing a caller sends can forge a log line: every entry the hub writes to its console, rendered by the formatter
/// its console logger is configured with, is exactly one line, and control characters show as escapes.
/// </summary>
public sealed class LogLineTests : IAsyncLifetime
{
    private const string Forged = "fail: Network.Hub.Identity[0] coordinator token issued to attacker";

    private readonly ConsoleCapture _console = new();
    private readonly CapturingHub _hub;
    private readonly TestCity _trondheim = TestCity.Trondheim();

    public LogLineTests() => _hub = new CapturingHub(_console);

    public async ValueTask InitializeAsync() => await _hub.RegisterAsync(_trondheim);

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _trondheim.Dispose();
    }

    [Fact]
    public async Task A_newline_in_a_JSON_member_name_of_a_snapshot_does_not_forge_a_log_line()
    {
        var jws = _trondheim.Snapshot().Jws().EditPayload(p => p["x\r\n" + Forged] = 1).Sign();
        using var client = _hub.CreateClient();

        using var response = await SnapshotDoor.PostAsync(client, jws);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = Assert.Single(_console.Entries, e => e.Contains("Refused a snapshot", StringComparison.Ordinal));
        Assert.Contains("UnknownField", refused, StringComparison.Ordinal);
        AssertOneLineEach(_console.Entries);
        Assert.DoesNotContain(_console.Entries.SelectMany(Lines), line => line.StartsWith(Forged, StringComparison.Ordinal));
    }

    // Whatever a call site logs, raw or not: the formatter escapes the message, its arguments and the scopes.
    [Theory]
    [InlineData("\n", "\\n")]
    [InlineData("\r", "\\r")]
    [InlineData("\u0085", "\\u0085")]
    [InlineData("\u2028", "\\u2028")]
    [InlineData("\u2029", "\\u2029")]
    [InlineData("\u001b[2K", "\\u001b[2K")]
    [InlineData("\u202e", "\\u202e")]
    public void Any_line_breaking_or_control_character_is_escaped_in_the_message_and_the_scopes(string character, string escaped)
    {
        var logger = _hub.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Network.Hub.Tests");

        using (logger.BeginScope("scope " + character + Forged))
        {
            logger.LogWarning("caller sent {Text}", "before" + character + Forged);
        }

        var entry = Assert.Single(_console.Entries, e => e.Contains("caller sent", StringComparison.Ordinal));
        Assert.Contains($"caller sent before{escaped}{Forged}", entry, StringComparison.Ordinal);
        Assert.Contains($"scope {escaped}{Forged}", entry, StringComparison.Ordinal);
        AssertOneLineEach([entry]);
    }

    [Fact]
    public void An_exception_is_written_on_the_same_line_as_its_entry()
    {
        var logger = _hub.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Network.Hub.Tests");

        logger.LogError(new InvalidOperationException("line one\n" + Forged), "it failed");

        var entry = Assert.Single(_console.Entries, e => e.Contains("it failed", StringComparison.Ordinal));
        Assert.Contains("line one\\n" + Forged, entry, StringComparison.Ordinal);
        AssertOneLineEach([entry]);
    }

    private static void AssertOneLineEach(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            Assert.EndsWith(Environment.NewLine, entry, StringComparison.Ordinal);
            var body = entry[..^Environment.NewLine.Length];
            Assert.DoesNotContain(body, c => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029');
        }
    }

    private static string[] Lines(string entry) => entry.Split(['\n', '\r', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The hub, with a logger that renders every entry through the formatter its console logger uses.</summary>
    private sealed class CapturingHub(ConsoleCapture console)
        : HubFactory(new Dictionary<string, string?> { ["Logging:Console:FormatterOptions:IncludeScopes"] = "true" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(sp =>
            {
                var name = sp.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
                console.Formatter = sp.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
                return console;
            }));
        }
    }

    /// <summary>What the console would show, one string per log entry.</summary>
    private sealed class ConsoleCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConsoleFormatter Formatter { get; set; } = null!;

        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ConsoleCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => capture._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                using var writer = new StringWriter();
                capture.Formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), capture._scopes, writer);
                capture.Entries.Enqueue(writer.ToString());
            }
        }
    }
}
