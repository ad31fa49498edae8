using System.Globalization;
using Network.Contracts.Catalogue;
using Network.Contracts.Csv;

namespace Network.Benchmarking.Targets;

/// <summary>Reads and checks the rows of a target-set file. Collects every error instead of stopping at the first.</summary>
internal static class TargetSetReader
{
    private static readonly string[] Required = ["kpi", "target", "source"];

    public sealed record Outcome(IReadOnlyList<Target> Targets, IReadOnlyList<TargetSetError> Errors);

    public static Outcome Read(TextReader reader, KpiCatalogue catalogue)
    {
        var errors = new List<TargetSetError>();
        var targets = new List<Target>();
        // Spreadsheets pad fields with spaces: every field is read trimmed.
        using var records = CsvText.Read(reader).Select(r => r with { Fields = [.. r.Fields.Select(f => f.Trim())] }).GetEnumerator();
        if (!records.MoveNext() || records.Current.IsBlank)
        {
            return Fail(new TargetSetError(1, null, TargetSetErrorReason.NoTargets,
                $"The file is empty: it needs the header line '{string.Join(',', TargetSet.Columns)}' and one line per target."));
        }

        var header = records.Current;
        var column = ReadHeader(header, errors);
        if (errors.Count > 0)
        {
            return Fail([.. errors]);
        }

        var lineOfKey = new Dictionary<KpiKey, int>();
        var lastLine = header.Line;
        while (records.MoveNext())
        {
            var row = records.Current;
            lastLine = row.Line;
            if (row.IsBlank)
            {
                continue;
            }

            if (row.Fault is { } fault)
            {
                errors.Add(new(row.Line, null, TargetSetErrorReason.MalformedRow, Describe(fault)));
                continue;
            }

            if (row.Fields.Count != header.Fields.Count)
            {
                errors.Add(new(row.Line, null, TargetSetErrorReason.MalformedRow,
                    $"The line has {row.Fields.Count} fields but the header has {header.Fields.Count}: "
                    + "quote a field that contains a comma, and write decimals with '.'."));
                continue;
            }

            string Field(string name) => column.TryGetValue(name, out var i) ? row.Fields[i] : "";
            if (ReadRow(row.Line, Field, catalogue, errors) is { } target)
            {
                if (lineOfKey.TryGetValue(target.Key, out var earlier))
                {
                    errors.Add(new(row.Line, "kpi", TargetSetErrorReason.DuplicateTarget,
                        $"{target.Key} already has a target on line {earlier}; a set holds one target per KPI (data point)."));
                }
                else
                {
                    lineOfKey.Add(target.Key, row.Line);
                    targets.Add(target);
                }
            }
        }

        if (errors.Count == 0 && targets.Count == 0)
        {
            errors.Add(new(lastLine, null, TargetSetErrorReason.NoTargets, "The file has a header but no targets."));
        }

        return new Outcome(targets, errors);
    }

    private static Dictionary<string, int> ReadHeader(CsvRecord header, List<TargetSetError> errors)
    {
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var text = header.Fields[i];
            var name = TargetSet.Columns.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(new(header.Line, text, TargetSetErrorReason.UnknownColumn,
                    $"'{text}' is not a column of a target set; the columns are: {string.Join(", ", TargetSet.Columns)}."));
            }
            else if (!column.TryAdd(name, i))
            {
                errors.Add(new(header.Line, name, TargetSetErrorReason.UnknownColumn, $"The column '{name}' is named twice."));
            }
        }

        foreach (var name in Required.Where(r => !column.ContainsKey(r)))
        {
            errors.Add(new(header.Line, name, TargetSetErrorReason.MissingColumn, $"The header has no '{name}' column."));
        }

        return column;
    }

    private static Target? ReadRow(int line, Func<string, string> field, KpiCatalogue catalogue, List<TargetSetError> errors)
    {
        var before = errors.Count;
        void Error(string column, TargetSetErrorReason reason, string message) => errors.Add(new(line, column, reason, message));

        var code = field("kpi");
        var dataPoint = field("dataPoint") is { Length: > 0 } p ? p : null;
        var source = field("source");
        var targetText = field("target");

        Kpi? kpi = null;
        if (code.Length == 0)
        {
            Error("kpi", TargetSetErrorReason.UnknownKpi, "The KPI code is empty.");
        }
        else if (!catalogue.TryGet(code, out kpi))
        {
            Error("kpi", TargetSetErrorReason.UnknownKpi,
                $"The catalogue {catalogue.Version} has no KPI '{code}'; codes look like EC-ICT-ICT-1C (case matters).");
        }
        else if (kpi.Direction == Direction.None)
        {
            Error("kpi", TargetSetErrorReason.NotScorable,
                $"{kpi.Code} ({kpi.Name}) is a composition without a direction: no value is better than another, so it has no target.");
        }
        else if (kpi.HasDataPoints && dataPoint is null)
        {
            Error("dataPoint", TargetSetErrorReason.WrongDataPoint,
                $"{kpi.Code} is reported per data point: name one of {string.Join(", ", kpi.DataPoints)}.");
        }
        else if (!kpi.HasDataPoints && dataPoint is not null)
        {
            Error("dataPoint", TargetSetErrorReason.WrongDataPoint,
                $"{kpi.Code} is reported as one number: leave the data point empty (it says '{dataPoint}').");
        }
        else if (dataPoint is not null && !kpi.DataPoints.Contains(dataPoint, StringComparer.Ordinal))
        {
            Error("dataPoint", TargetSetErrorReason.WrongDataPoint,
                $"{kpi.Code} has no data point '{dataPoint}'; it has {string.Join(", ", kpi.DataPoints)}.");
        }

        var isNumber = double.TryParse(targetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value);
        if (!isNumber)
        {
            Error("target", TargetSetErrorReason.NotANumber,
                targetText.Length == 0 ? "The target is empty." : $"'{targetText}' is not a number; write it like 95 or 0.75.");
        }
        else if (value <= 0)
        {
            Error("target", TargetSetErrorReason.OutOfRange,
                $"The target must be positive (it is {TargetSet.Format(value)}): percent of target divides by it, or by the value.");
        }
        else if (kpi is not null && !kpi.Unit.Admits(value))
        {
            Error("target", TargetSetErrorReason.OutOfRange,
                $"{TargetSet.Format(value)} is not a possible value of {kpi.Code} in {kpi.Unit.Symbol}: it must be {kpi.Unit.DescribeRange()}.");
        }

        if (source.Length == 0)
        {
            Error("source", TargetSetErrorReason.MissingSource, "The source is empty: say where the target comes from.");
        }

        return errors.Count == before && kpi is not null
            ? new Target(new KpiKey(kpi.Code, dataPoint), kpi.Direction, value, source, field("note") is { Length: > 0 } note ? note : null)
            : null;
    }

    private static string Describe(CsvFault fault) => fault switch
    {
        CsvFault.UnterminatedQuote => "A quoted field is never closed: add the closing '\"'.",
        CsvFault.StrayQuote => "A '\"' stands inside a field that does not start with one: quote the whole field and double the '\"' inside it.",
        CsvFault.TextAfterClosingQuote => "A quoted field has text after its closing '\"': quote the whole field and double every '\"' inside it.",
        _ => "The line breaks the CSV quoting rules (RFC 4180): quote a field that holds a comma or a '\"', and double the '\"' inside it.",
    };

    private static Outcome Fail(params TargetSetError[] errors) => new([], errors);
}
