using System.Globalization;
using Network.Benchmarking;
using Network.Benchmarking.Scoring;
using Network.Contracts.Attestations;
using Network.Hub.Storage;

namespace Network.Hub.Pages.Profile;

/// <summary>How the profile writes numbers, standings, scores and verdicts in words (presentation only: the numbers are the engine's).</summary>
public static class ProfileFormat
{
    /// <summary>A reported number as the city gave it, to six significant digits, invariant.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators.</summary>
    public static string Whole(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A percentage rounded to a whole number, e.g. <c>72</c>.</summary>
    public static string Percent(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The rank in words: <c>1 of 3</c>, or why there is none.</summary>
    public static string Rank(Standing standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return standing.Rank is { } rank
            ? string.Create(CultureInfo.InvariantCulture, $"{rank} of {standing.ReportingCount}")
            : string.Create(CultureInfo.InvariantCulture, $"not ranked, {standing.ReportingCount} reporting");
    }

    /// <summary>The percentile in words: <c>percentile 50</c>, or why there is none.</summary>
    public static string Percentile(Standing standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return standing.Percentile is { } p
            ? "percentile " + Percent(p)
            : standing.ReportingCount <= 1 ? "the only city reporting" : "no direction to rank by";
    }

    /// <summary>The value against its target: <c>95 % of target (100) · band 4</c>, or <c>no target</c>.</summary>
    public static string Target(ValueScore? score) =>
        score is { Target: { } target, PercentOfTarget: { } percent, Band: { } band }
            ? $"{Percent(percent)} % of target ({Number(target.Value)}) · band {(int)band}"
            : "no target";

    /// <summary>
    /// The verdict in words. A public reader is never shown a question: to the public a value with an open question is
    /// simply not verified.
    /// </summary>
    public static string Verdict(ValueVerdict? verdict, bool publicReader) => verdict switch
    {
        null => "not verified",
        { Outcome: VerdictOutcome.Verified } => $"verified by {verdict.VerifierId}",
        { Outcome: VerdictOutcome.NotVerified } => $"not verified ({verdict.VerifierId} declined)",
        _ when publicReader => "not verified",
        _ => $"question from {verdict.VerifierId}",
    };
}
