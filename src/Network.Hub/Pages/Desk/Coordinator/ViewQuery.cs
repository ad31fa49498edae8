using System.Globalization;
using Network.Hub.Scoring;

namespace Network.Hub.Pages.Desk.Coordinator;

/// <summary>
/// The period and basis a network view page (<c>?period=2020&amp;basis=asReported</c>) asks for, read and bounded before any
/// work: the newest period with values when none is given; a message per field (shown with status 400) when one is wrong.
/// </summary>
/// <param name="Period">The period to show; null when no city reported anything or the field is wrong.</param>
/// <param name="Basis">Every reported value, or only the verified ones.</param>
/// <param name="Errors">A message per field (<c>period</c>, <c>basis</c>, or a page's own field), in words.</param>
public sealed record ViewQuery(int? Period, ScoringBasis Basis, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The longest value a field may have; anything longer is refused unread.</summary>
    public const int MaxFieldLength = 32;

    /// <summary>Whether every field was right.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Reads the query of <paramref name="request"/> against the <paramref name="periods"/> with values (newest first).</summary>
    public static ViewQuery Read(HttpRequest request, IReadOnlyList<int> periods)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(periods);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var periodText = request.Query["period"].ToString().Trim();
        int? period = periods.Count > 0 ? periods[0] : null;
        if (periodText.Length > 0)
        {
            if (periodText.Length > MaxFieldLength || !int.TryParse(periodText, NumberStyles.None, CultureInfo.InvariantCulture, out var asked))
            {
                errors["period"] = "Period: give a year, e.g. 2020.";
                period = null;
            }
            else if (!periods.Contains(asked))
            {
                errors["period"] = periods.Count == 0
                    ? $"Period: no city has values for {asked}; no period has values yet."
                    : $"Period: no city has values for {asked}; the periods with values are {string.Join(", ", periods)}.";
                period = null;
            }
            else
            {
                period = asked;
            }
        }

        var basisText = request.Query["basis"].ToString();
        var basis = ScoringBasis.AsReported;
        if (basisText.Length > MaxFieldLength || (!string.IsNullOrWhiteSpace(basisText) && !ScoringBases.TryParse(basisText, out basis)))
        {
            errors["basis"] = "Values: choose asReported (every reported value) or asVerified (only verified values).";
        }

        return new ViewQuery(period, basis, errors);
    }

    /// <summary>Reads a whole number field <paramref name="name"/> of the query, <paramref name="fallback"/> when absent; adds a message when it is outside <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static int ReadNumber(HttpRequest request, string name, string label, int fallback, int min, int max, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var text = request.Query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (text.Length <= MaxFieldLength && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = $"{label}: give a whole number from {min} to {max}.";
        return fallback;
    }
}
