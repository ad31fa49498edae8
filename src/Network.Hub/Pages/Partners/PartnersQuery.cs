using System.Globalization;
using Network.Contracts.Catalogue;
using Network.Hub.Scoring;

namespace Network.Hub.Pages.Partners;

/// <summary>
/// The Partners page's question as its GET form sends it (so the address is a permalink), read and bounded before any
/// work: every field arrives as text, is cut off at <see cref="MaxFieldLength"/>, and a field that cannot be read gets a
/// message naming it and saying why, instead of an exception.
/// </summary>
public sealed class PartnersQuery
{
    /// <summary>The longest text any field may have; a city id or a number is far shorter.</summary>
    public const int MaxFieldLength = 64;

    /// <summary>The smallest weight a dimension may have: 0 leaves the dimension out of the similarity.</summary>
    public const double MinWeight = 0;

    /// <summary>The largest weight a dimension may have: ten times the default is enough to let one dimension dominate.</summary>
    public const double MaxWeight = 10;

    /// <summary>How many partners the page shows by default.</summary>
    public const int DefaultPartners = 5;

    /// <summary>
    /// The most similar cities and complementary partners the page shows: fewer than GraphQL's 100 (<c>peers</c>),
    /// because each partner brings its whole explanation, a table row per KPI, and the page must stay readable.
    /// </summary>
    public const int MaxPartners = 20;

    /// <summary>The form fields of the dimension weights, in catalogue order.</summary>
    public static IReadOnlyList<(Dimension Dimension, string Field)> WeightFields { get; } =
    [
        (Dimension.Economy, "economy"),
        (Dimension.Environment, "environment"),
        (Dimension.SocietyAndCulture, "society"),
    ];

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    /// <summary>The city id asked for; null when the form has not been sent yet.</summary>
    public string? City { get; private init; }

    /// <summary>The period asked for; null for the newest with data.</summary>
    public int? Period { get; private init; }

    /// <summary>Which values count: every reported one, or only the verified ones.</summary>
    public ScoringBasis Basis { get; private init; }

    /// <summary>The weight of each dimension in the similarity, each between <see cref="MinWeight"/> and <see cref="MaxWeight"/>.</summary>
    public IReadOnlyDictionary<Dimension, double> Weights { get; private init; } = new Dictionary<Dimension, double>();

    /// <summary>How many similar cities and partners to show, 1 to <see cref="MaxPartners"/>.</summary>
    public int Partners { get; private init; } = DefaultPartners;

    /// <summary>The text each field was sent with (cut to <see cref="MaxFieldLength"/>), to show the form as it was sent.</summary>
    public IReadOnlyDictionary<string, string> Sent { get; private init; } = new Dictionary<string, string>();

    /// <summary>A message per field that could not be read, keyed by the field's name.</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>Whether the form was sent at all (a city was named).</summary>
    public bool Asked => City is not null;

    /// <summary>Reads the form's fields; see the class summary.</summary>
    /// <param name="city">The <c>city</c> field.</param>
    /// <param name="period">The <c>period</c> field.</param>
    /// <param name="basis">The <c>basis</c> field: <c>asReported</c> or <c>asVerified</c>.</param>
    /// <param name="weights">The weight fields by name (<see cref="WeightFields"/>).</param>
    /// <param name="partners">The <c>partners</c> field.</param>
    public static PartnersQuery Read(string? city, string? period, string? basis, IReadOnlyDictionary<string, string?> weights, string? partners)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sent = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Field(string name, string? text, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            text = text.Trim();
            if (text.Length > MaxFieldLength)
            {
                errors[name] = $"{label} is longer than {MaxFieldLength} characters.";
                text = text[..MaxFieldLength];
            }

            sent[name] = text;
            return text;
        }

        var cityText = Field("city", city, "City");
        int? periodValue = null;
        if (Field("period", period, "Period") is { } periodText && !errors.ContainsKey("period"))
        {
            if (int.TryParse(periodText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1900 and <= 2200)
            {
                periodValue = p;
            }
            else
            {
                errors["period"] = $"Period must be a year such as 2020; \"{periodText}\" is not.";
            }
        }

        var basisValue = ScoringBasis.AsReported;
        if (Field("basis", basis, "Values") is { } basisText && !errors.ContainsKey("basis"))
        {
            var index = ScoringBases.Names.ToList().FindIndex(n => string.Equals(n, basisText, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                errors["basis"] = $"Values must be {string.Join(" or ", ScoringBases.Names)}; \"{basisText}\" is neither.";
            }
            else
            {
                basisValue = (ScoringBasis)index;
            }
        }

        var weightValues = new Dictionary<Dimension, double>();
        foreach (var (dimension, name) in WeightFields)
        {
            var label = $"Weight of {KpiCatalogue.NameOf(dimension)}";
            var text = Field(name, weights.GetValueOrDefault(name), label);
            if (text is null || errors.ContainsKey(name))
            {
                weightValues[dimension] = 1;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w is >= MinWeight and <= MaxWeight)
            {
                weightValues[dimension] = w;
            }
            else
            {
                errors[name] = string.Create(CultureInfo.InvariantCulture, $"{label} must be a number from {MinWeight} to {MaxWeight}; it is \"{text}\".");
                weightValues[dimension] = 1;
            }
        }

        if (errors.Count == 0 && weightValues.Values.All(w => w == 0))
        {
            errors[WeightFields[0].Field] = "At least one dimension needs a weight above 0: with every weight at 0 there is nothing to compare.";
        }

        var partnersValue = DefaultPartners;
        if (Field("partners", partners, "Partners to show") is { } partnersText && !errors.ContainsKey("partners"))
        {
            if (int.TryParse(partnersText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPartners)
            {
                partnersValue = n;
            }
            else
            {
                // The words of GraphQL's limit refusal, with the page's own bound.
                errors["partners"] = $"Partners to show must be between 1 and {MaxPartners}; it is \"{partnersText}\".";
            }
        }

        var query = new PartnersQuery
        {
            City = cityText,
            Period = periodValue,
            Basis = basisValue,
            Weights = weightValues,
            Partners = partnersValue,
            Sent = sent,
        };
        foreach (var (field, message) in errors)
        {
            query._errors[field] = message;
        }

        return query;
    }

    /// <summary>Records a message for a field found wrong later (an unknown city, a period without data).</summary>
    public void Refuse(string field, string message) => _errors[field] = message;

    /// <summary>The text to put back into a field: what was sent, else <paramref name="fallback"/>.</summary>
    public string ValueOf(string field, string fallback = "") => Sent.GetValueOrDefault(field) ?? fallback;
}
