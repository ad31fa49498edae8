using System.Globalization;
using System.Text.RegularExpressions;

namespace Network.ValueFiles;

/// <summary>
/// Reads a value cell as a number. The format is invariant: a point as decimal separator and an optional exponent
/// (<c>2.46</c>, <c>-0.5</c>, <c>1e-3</c>). A comma is accepted as the decimal separator when the cell is otherwise a
/// clean number (<c>2,46</c>, as Norwegian Excel writes it), except where it could be a thousands separator
/// (<c>1,000</c>), which is refused as ambiguous.
/// </summary>
internal static partial class CellNumber
{
    [GeneratedRegex(@"\A[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Invariant();

    [GeneratedRegex(@"\A[+-]?[0-9]+,[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"\A[+-]?[0-9]{1,3},[0-9]{3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeThousands();

    /// <summary>The number in <paramref name="text"/>, or why it is not one (a sentence with the fix).</summary>
    public static bool TryParse(string text, out double value, out string? problem)
    {
        value = 0;
        var cell = text.Trim();
        if (Invariant().IsMatch(cell))
        {
            value = double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
            problem = double.IsFinite(value) ? null : $"'{Shorten(cell)}' is too large to be a number (it overflows a 64-bit floating point number).";
            return problem is null;
        }

        if (CommaDecimal().IsMatch(cell))
        {
            if (LooksLikeThousands().IsMatch(cell))
            {
                problem = $"'{cell}' is ambiguous: a decimal comma or a thousands separator? Write the number with a decimal point and no thousands separator, e.g. {cell.Replace(",", "", StringComparison.Ordinal)} or {cell.Replace(',', '.')}.";
                return false;
            }

            value = double.Parse(cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);
            problem = null;
            return true;
        }

        problem = Explain(cell);
        return false;
    }

    private static string Explain(string cell)
    {
        var lower = cell.ToLowerInvariant();
        if (lower is "nan" or "inf" or "-inf" or "+inf" or "infinity" or "-infinity" or "+infinity" or "∞" or "-∞")
        {
            return $"'{cell}' is not a finite number. Write the number, or leave the value cell empty when there is none.";
        }

        if (cell.EndsWith('%') && TryParse(cell[..^1], out _, out _))
        {
            return $"'{cell}': write the number without the % sign ({cell[..^1].Trim()}); the unit column says it is a percentage.";
        }

        if (cell.Any(c => c is ' ' or '\u00A0' or '\u202F' or '\'') && cell.Any(char.IsDigit))
        {
            return $"'{Shorten(cell)}' has spaces or separators between its digits; write the number without thousands separators, e.g. 12345.6.";
        }

        return $"'{Shorten(cell)}' is not a number. Write it with a decimal point, e.g. 2.46, or leave the value cell empty to skip the row.";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
