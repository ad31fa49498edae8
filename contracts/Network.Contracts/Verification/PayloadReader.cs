using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Network.Contracts.Verification;

/// <summary>
/// The member readers of the network's signed payloads (snapshots, attestations): each reads one member of a JSON
/// object, adds a named problem with its JSONPath when the member is missing, of the wrong type or unparseable, and
/// returns <see langword="null"/> then, so the caller puts a placeholder and reads on: every problem is found at once.
/// </summary>
internal abstract partial class PayloadReader
{
    // RFC 3339 §5.6 date-time, fractions limited to the 7 digits .NET keeps.
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        .. Enumerable.Range(1, 7).Select(digits => $"yyyy-MM-dd'T'HH:mm:ss.{new string('f', digits)}K"),
    ];

    /// <summary>Every problem found so far.</summary>
    protected List<Rejection> Problems { get; } = [];

    /// <summary>The refusal of a member the format does not define (its wording names the format).</summary>
    protected virtual Rejection UnknownField(string path) => Rejections.UnknownField(path);

    /// <summary>Names every member of <paramref name="obj"/> that is not in <paramref name="known"/>.</summary>
    protected void RejectUnknown(JsonElement obj, string path, HashSet<string> known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Problems.Add(UnknownField(JsonPath.Member(path, property.Name)));
            }
        }
    }

    /// <summary>A string member; absent or null is a problem only when <paramref name="required"/>.</summary>
    protected string? ReadString(JsonElement obj, string parent, string name, bool required)
    {
        var path = $"{parent}.{name}";
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problems.Add(Rejections.MissingField(path));
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Problems.Add(Rejections.WrongFieldType(path, "a string", Describe(v)));
            return null;
        }

        return v.GetString();
    }

    /// <summary>A UUID member in its 36-character form, never the nil UUID.</summary>
    protected Guid? ReadGuid(JsonElement obj, string parent, string name, bool required)
    {
        var text = ReadString(obj, parent, name, required);
        if (text is null)
        {
            return null;
        }

        // TryParseExact("D") forgives surrounding whitespace; the wire form is exactly 36 characters.
        if (text.Length == 36 && Guid.TryParseExact(text, "D", out var id) && id != Guid.Empty)
        {
            return id;
        }

        Problems.Add(Rejections.InvalidField($"{parent}.{name}",
            $"'{text}' is not a UUID in the form 0f8fad5b-d9cb-469f-a165-70867728950e (the nil UUID is not allowed)."));
        return null;
    }

    /// <summary>A required whole-number year.</summary>
    protected int? ReadInt(JsonElement obj, string parent, string name)
    {
        var path = $"{parent}.{name}";
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            Problems.Add(Rejections.MissingField(path));
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
        {
            return n;
        }

        Problems.Add(Rejections.WrongFieldType(path, "a whole-number year such as 2020", Describe(v)));
        return null;
    }

    /// <summary>A required RFC 3339 date-time with offset.</summary>
    protected DateTimeOffset? ReadInstant(JsonElement obj, string parent, string name)
    {
        var text = ReadString(obj, parent, name, required: true);
        if (text is null)
        {
            return null;
        }

        // RFC 3339 date-time with an explicit offset: a time without one is ambiguous across the network, and
        // a reader in another language must get the same instant, so nothing looser (no local formats) passes.
        if (Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParseExact(text.ToUpperInvariant(), InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        Problems.Add(Rejections.InvalidField($"{parent}.{name}",
            $"'{text}' is not an RFC 3339 date-time with offset, e.g. 2020-09-30T12:00:00Z."));
        return null;
    }

    /// <summary>A required finite number.</summary>
    protected double ReadNumber(JsonElement obj, string parent, string name)
    {
        var path = $"{parent}.{name}";
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            Problems.Add(Rejections.MissingField(path));
            return 0;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            Problems.Add(Rejections.NotAFiniteNumber(path, Describe(v)));
            return 0;
        }

        if (!v.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Problems.Add(Rejections.NotAFiniteNumber(path, $"{v.GetRawText()}, which is too large for a double"));
            return 0;
        }

        return number;
    }

    /// <summary>What a JSON value is, in words, its text shortened.</summary>
    protected static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(v.GetString()!)}\"",
        JsonValueKind.Number => $"the number {v.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {v.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>Caller's text shortened for a refusal.</summary>
    protected static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
