using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Network.Performance;

/// <summary>
/// What the hub did while the profile watched, read from its own instrumentation and nothing added to it: every SQL
/// command EF Core ran (its DiagnosticSource events: the time to execute, and the time until its reader was
/// closed, which includes materialising the rows) and every HTTP request Kestrel served (ASP.NET Core's
/// <c>http.server.request.duration</c> metric, by route).
/// </summary>
public sealed partial class HubActivityLog : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentDictionary<string, Tally> _commands = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Tally> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly MeterListener _meters = new();

    /// <summary>Starts listening.</summary>
    public HubActivityLog()
    {
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "Microsoft.AspNetCore.Hosting", Name: "http.server.request.duration" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var route = "(no route)";
            foreach (var tag in tags)
            {
                if (tag is { Key: "http.route", Value: string r })
                {
                    route = r;
                }
            }

            _requests.GetOrAdd(route, _ => new Tally()).Add(seconds * 1000);
        });
        _meters.Start();
    }

    /// <summary>The SQL commands seen since the last <see cref="Reset"/>, by the start of their text.</summary>
    public IReadOnlyDictionary<string, Tally> Commands => _commands;

    /// <summary>The HTTP requests served since the last <see cref="Reset"/>, by route.</summary>
    public IReadOnlyDictionary<string, Tally> Requests => _requests;

    /// <summary>The whole text of a command <see cref="Commands"/> lists by its start.</summary>
    public string FullText(string shape) => _texts.GetValueOrDefault(shape, shape);

    /// <summary>Forgets everything seen so far.</summary>
    public void Reset()
    {
        _commands.Clear();
        _requests.Clear();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _meters.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                var shape = Shape(executed.Command);
                _texts.TryAdd(shape, executed.Command.CommandText);
                _commands.GetOrAdd(shape, _ => new Tally()).Add(executed.Duration.TotalMilliseconds);
                break;
            case DataReaderDisposingEventData closed:
                _commands.GetOrAdd(Shape(closed.Command), _ => new Tally()).AddReader(closed.Duration.TotalMilliseconds);
                break;
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    // Enough of the command to tell the hub's few queries apart, on one line.
    private static string Shape(DbCommand command)
    {
        var text = Whitespace().Replace(command.CommandText, " ").Trim();
        return text.Length <= 140 ? text : text[..140] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Counts and sums of milliseconds, safe to add to from many threads; read them with <see cref="Totals"/>.</summary>
    public sealed class Tally
    {
        private readonly Lock _lock = new();
        private TallyTotals _totals;

        /// <summary>The counts and sums so far, as one consistent copy.</summary>
        public TallyTotals Totals { get { lock (_lock) { return _totals; } } }

        /// <summary>Counts one command executed or request served.</summary>
        public void Add(double milliseconds)
        {
            lock (_lock)
            {
                _totals = _totals with { Count = _totals.Count + 1, Milliseconds = _totals.Milliseconds + milliseconds };
            }
        }

        /// <summary>Adds a closed reader's time (its command was counted when it executed).</summary>
        public void AddReader(double milliseconds)
        {
            lock (_lock)
            {
                _totals = _totals with { Readers = _totals.Readers + 1, ReaderMilliseconds = _totals.ReaderMilliseconds + milliseconds };
            }
        }
    }
}

/// <summary>What a <see cref="HubActivityLog.Tally"/> holds at one moment.</summary>
/// <param name="Count">Commands executed, or requests served.</param>
/// <param name="Milliseconds">Executing the commands (until the first row was ready), or serving the requests.</param>
/// <param name="Readers">Commands whose reader was closed.</param>
/// <param name="ReaderMilliseconds">From each reader opening until it closed: reading and materialising the rows.</param>
public readonly record struct TallyTotals(long Count, double Milliseconds, long Readers, double ReaderMilliseconds);
