using System.Globalization;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using ReadResult = Network.Contracts.Results.Result<Network.ValueFiles.FilledVerdictSheet, Network.ValueFiles.ImportError>;
using SnapshotResult = Network.Contracts.Results.Result<Network.ValueFiles.JudgedSnapshot, Network.ValueFiles.ImportError>;

namespace Network.ValueFiles;

/// <summary>
/// Interprets the rows of a verdict sheet: the facts above the table, the table's header, and each value row, checked
/// against the judged snapshot so that every refusal names its line and column. One bad row means nothing is read.
/// </summary>
internal static class VerdictSheetReader
{
    public static ReadResult Read(SheetContent sheet, JudgedSnapshot snapshot, string sourceName)
    {
        var errors = new List<ImportError>();
        if (VerdictSheetLayout.Read(sheet, sourceName, errors) is not { } layout)
        {
            return ReadResult.Refused(ImportErrorOrder.Sorted(errors, VerdictColumns.All));
        }

        CheckFacts(layout, snapshot, errors);
        var values = snapshot.Values.ToDictionary(v => (v.Kpi, v.DataPoint));
        var seen = new Dictionary<(string Kpi, string? DataPoint), int>();
        var verdicts = new List<Verdict>();
        var questions = new List<SheetQuestion>();
        foreach (var row in layout.Values)
        {
            var cell = layout.Cell(row);
            if (Identify(row, cell, errors) is not { } key)
            {
                continue;
            }

            if (!seen.TryAdd(key, row.Line))
            {
                errors.Add(new ImportError(row.Line, key.DataPoint is null ? VerdictColumns.Kpi : VerdictColumns.DataPoint,
                    $"{Name(key)} is already on line {seen[key]}. Keep one row per value."));
                continue;
            }

            if (!values.TryGetValue(key, out var value))
            {
                errors.Add(new ImportError(row.Line, VerdictColumns.Kpi,
                    $"The snapshot holds no value for {Name(key)}. The sheet judges the values the city signed; restore the row's kpi and dataPoint, or remove the row."));
                continue;
            }

            CheckValueUnchanged(row.Line, cell, value, errors);
            if (ReadVerdict(row.Line, cell, value, errors) is { } verdict)
            {
                verdicts.Add(verdict.Verdict);
                if (verdict.Question is { } question)
                {
                    questions.Add(new SheetQuestion(value.Kpi, value.DataPoint, question));
                }
            }
        }

        if (errors.Count == 0 && verdicts.Count == 0)
        {
            errors.Add(new ImportError(0, VerdictColumns.Verdict,
                $"{sourceName} has no verdicts: every verdict cell is empty. Write {string.Join(", ", AttestationFormat.Outcomes)} for the values you have judged."));
        }

        return errors.Count == 0 ? ReadResult.Of(new FilledVerdictSheet(snapshot, verdicts, questions)) : ReadResult.Refused(ImportErrorOrder.Sorted(errors, VerdictColumns.All));
    }

    public static SnapshotResult ReadSnapshot(SheetContent sheet, string sourceName)
    {
        var errors = new List<ImportError>();
        if (VerdictSheetLayout.Read(sheet, sourceName, errors) is not { } layout)
        {
            return SnapshotResult.Refused(ImportErrorOrder.Sorted(errors, VerdictColumns.All));
        }

        Guid id = default;
        var period = 0;
        var facts = layout.Facts;
        if (facts.TryGetValue(VerdictColumns.SnapshotId, out var idFact) && !Guid.TryParse(idFact.Text, out id))
        {
            errors.Add(new ImportError(idFact.Line, VerdictColumns.SnapshotId, $"'{Shorten(idFact.Text)}' is not a snapshot id (a UUID). Fetch the sheet again."));
        }

        if (facts.TryGetValue(VerdictColumns.Period, out var periodFact) && !int.TryParse(periodFact.Text, NumberStyles.None, CultureInfo.InvariantCulture, out period))
        {
            errors.Add(new ImportError(periodFact.Line, VerdictColumns.Period, $"'{Shorten(periodFact.Text)}' is not a year. Fetch the sheet again."));
        }

        var values = new List<KpiValue>();
        foreach (var row in layout.Values)
        {
            var cell = layout.Cell(row);
            if (Identify(row, cell, errors) is not { } key)
            {
                continue;
            }

            var number = Number(row.Line, cell(VerdictColumns.Value), errors);
            var quality = DataQuality.Unknown;
            var qualityText = cell(VerdictColumns.Quality).Text.Trim();
            if (qualityText.Length > 0 && !WireNames.TryParseQuality(qualityText.ToLowerInvariant(), out quality))
            {
                errors.Add(new ImportError(row.Line, VerdictColumns.Quality, $"'{Shorten(qualityText)}' is not a data-quality class: one of {string.Join(", ", WireNames.Qualities)}."));
            }

            values.Add(new KpiValue(key.Kpi, key.DataPoint, number ?? 0, cell(VerdictColumns.Unit).Text.Trim(), quality,
                cell(VerdictColumns.Origin).Text.Trim(), cell(VerdictColumns.Source).Text.Trim(), OrNull(cell(VerdictColumns.Note).Text.Trim())));
        }

        return errors.Count == 0
            ? SnapshotResult.Of(new JudgedSnapshot(id, facts[VerdictColumns.SnapshotDigest].Text, facts[VerdictColumns.CityId].Text, period, values))
            : SnapshotResult.Refused(ImportErrorOrder.Sorted(errors, VerdictColumns.All));
    }

    private static void CheckFacts(VerdictSheetLayout layout, JudgedSnapshot snapshot, List<ImportError> errors)
    {
        var expected = new Dictionary<string, string>
        {
            [VerdictColumns.SnapshotId] = snapshot.SnapshotId.ToString("D"),
            [VerdictColumns.SnapshotDigest] = snapshot.Digest,
            [VerdictColumns.CityId] = snapshot.CityId,
            [VerdictColumns.Period] = snapshot.Period.ToString(CultureInfo.InvariantCulture),
        };

        foreach (var (fact, value) in expected)
        {
            var (line, text) = layout.Facts[fact];
            var same = fact == VerdictColumns.SnapshotId
                ? Guid.TryParse(text, out var id) && id == snapshot.SnapshotId
                : string.Equals(text, value, StringComparison.Ordinal);
            if (!same)
            {
                errors.Add(new ImportError(line, fact,
                    $"The sheet says {fact} '{Shorten(text)}', but it is read for snapshot {snapshot.SnapshotId} of {snapshot.CityId} {snapshot.Period}, whose {fact} is '{value}'. Fill in the sheet of that snapshot, or read this one for its own."));
            }
        }
    }

    // The row's kpi and data point, or null when the kpi cell is empty (reported). Problems with the row as a whole are reported here.
    private static (string Kpi, string? DataPoint)? Identify(SheetRow row, Func<string, SheetCell> cell, List<ImportError> errors)
    {
        if (row.Problem is { } problem)
        {
            errors.Add(new ImportError(row.Line, null, problem));
        }

        var kpi = cell(VerdictColumns.Kpi).Text.Trim();
        if (kpi.Length == 0)
        {
            errors.Add(new ImportError(row.Line, VerdictColumns.Kpi, "The kpi cell is empty. Every row of the table is one value of the snapshot; restore its KPI code or remove the row."));
            return null;
        }

        return (kpi, OrNull(cell(VerdictColumns.DataPoint).Text.Trim()));
    }

    private static void CheckValueUnchanged(int line, Func<string, SheetCell> cell, KpiValue value, List<ImportError> errors)
    {
        if (Number(line, cell(VerdictColumns.Value), errors) is { } number && !SameNumber(number, value.Value))
        {
            errors.Add(new ImportError(line, VerdictColumns.Value,
                $"The value was changed: the snapshot holds {value.Value.ToString("R", CultureInfo.InvariantCulture)} for {Name((value.Kpi, value.DataPoint))}. A verdict binds to the value the city signed: put it back (to dispute it, write not-verified with the reason)."));
        }

        var unit = cell(VerdictColumns.Unit).Text.Trim();
        if (!string.Equals(unit, value.Unit, StringComparison.Ordinal))
        {
            errors.Add(new ImportError(line, VerdictColumns.Unit,
                $"The unit was changed: the snapshot gives {Name((value.Kpi, value.DataPoint))} in '{value.Unit}', the sheet says '{Shorten(unit)}'. A verdict binds to the value the city signed: put the unit back."));
        }
    }

    // A spreadsheet may write a number back with 15 significant digits; a difference below that is no change, and
    // the verdict carries the snapshot's own number, so it binds exactly.
    private static bool SameNumber(double a, double b) =>
        a.Equals(b) || Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));

    private static double? Number(int line, SheetCell cell, List<ImportError> errors)
    {
        if (cell.Problem is { } problem)
        {
            errors.Add(new ImportError(line, VerdictColumns.Value, problem));
            return null;
        }

        if (!CellNumber.TryParse(cell.Text, out var number, out var why))
        {
            errors.Add(new ImportError(line, VerdictColumns.Value, why!));
            return null;
        }

        return number;
    }

    private static (Verdict Verdict, string? Question)? ReadVerdict(int line, Func<string, SheetCell> cell, KpiValue value, List<ImportError> errors)
    {
        var word = cell(VerdictColumns.Verdict).Text.Trim();
        var reason = OrNull(cell(VerdictColumns.Reason).Text.Trim());
        var question = OrNull(cell(VerdictColumns.Question).Text.Trim());
        if (word.Length == 0)
        {
            if (question is not null)
            {
                errors.Add(new ImportError(line, VerdictColumns.Verdict,
                    "The row asks a question but has no verdict. A question goes with the verdict question: write question in the verdict cell, or clear the question."));
            }

            return null;
        }

        // Spreadsheet users write "Not verified" as readily as "not-verified"; the meaning is the same.
        if (!AttestationFormat.TryParseOutcome(string.Join('-', word.ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries)), out var outcome))
        {
            errors.Add(new ImportError(line, VerdictColumns.Verdict,
                $"'{Shorten(word)}' is not a verdict. Write one of {string.Join(", ", AttestationFormat.Outcomes)}, or leave the cell empty for a value not judged yet."));
            return null;
        }

        var ok = true;
        if (outcome == VerdictOutcome.NotVerified && reason is null)
        {
            errors.Add(new ImportError(line, VerdictColumns.Reason, "A value that is not verified needs the reason, for the city and for the readers of the attestation. Write it in the reason cell."));
            ok = false;
        }
        else if (reason is { Length: > AttestationFormat.MaxTextLength })
        {
            errors.Add(new ImportError(line, VerdictColumns.Reason, $"The reason has {reason.Length} characters; at most {AttestationFormat.MaxTextLength} are allowed."));
            ok = false;
        }

        if (outcome == VerdictOutcome.Question && question is null)
        {
            errors.Add(new ImportError(line, VerdictColumns.Question, "The verdict is question, but the question cell is empty. Write the question for the city there."));
            ok = false;
        }
        else if (outcome != VerdictOutcome.Question && question is not null)
        {
            errors.Add(new ImportError(line, VerdictColumns.Question,
                $"The row asks a question but its verdict is {AttestationFormat.WireName(outcome)}. A question goes with the verdict question: change the verdict, or clear the question."));
            ok = false;
        }
        else if (question is { Length: > AttestationFormat.MaxTextLength })
        {
            errors.Add(new ImportError(line, VerdictColumns.Question, $"The question has {question.Length} characters; at most {AttestationFormat.MaxTextLength} are allowed."));
            ok = false;
        }

        return ok ? (new Verdict(value.Kpi, value.DataPoint, value.Value, value.Unit, outcome, reason), question) : null;
    }

    private static string Name((string Kpi, string? DataPoint) key) => key.DataPoint is null ? key.Kpi : $"{key.Kpi} ({key.DataPoint})";

    private static string? OrNull(string text) => text.Length == 0 ? null : text;

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
