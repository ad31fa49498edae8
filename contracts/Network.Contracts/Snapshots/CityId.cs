using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Network.Contracts.Snapshots;

/// <summary>
/// City identifiers: an ISO 3166-1 alpha-2 country code, a dash, and the national municipality number
/// (digits and capital letters, 1–12 characters): <c>NO-5001</c> (Trondheim), <c>NO-3024</c> (Bærum).
/// Display names are data, never identifiers.
/// </summary>
public static partial class CityId
{
    // Assigned ISO 3166-1 alpha-2 codes (2024). A made-up country is a typo, not a new city.
    private static readonly FrozenSet<string> Countries = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    // \z, not $: in .NET "$" also matches before a final newline, and "NO-5001\n" is not a city id.
    [GeneratedRegex(@"\A[A-Z]{2}-[0-9A-Z]{1,12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Whether <paramref name="id"/> is a well-formed city id with an assigned country code.</summary>
    public static bool IsValid(string? id) => Explain(id) is null;

    /// <summary>Why <paramref name="id"/> is not a city id, as a sentence; <see langword="null"/> when it is one.</summary>
    public static string? Explain(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "a city id is required, e.g. NO-5001";
        }

        if (!Shape().IsMatch(id))
        {
            return $"'{(id.Length <= 40 ? id : id[..40] + "…")}' is not a city id: write the ISO 3166-1 alpha-2 country code, a dash and the municipality number, e.g. NO-5001";
        }

        return Countries.Contains(id[..2]) ? null : $"'{id[..2]}' in '{id}' is not an ISO 3166-1 alpha-2 country code";
    }
}
