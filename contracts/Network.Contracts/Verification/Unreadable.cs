namespace Network.Contracts.Verification;

/// <summary>
/// A field the payload reader could not read holds a placeholder; the rules that run after it must not also blame the
/// placeholder. This decides whether a rule's field lies under one that was unreadable.
/// </summary>
internal static class Unreadable
{
    /// <summary>Whether <paramref name="field"/> is, or lies under, one of <paramref name="unreadable"/> (or the whole payload was).</summary>
    public static bool Covers(HashSet<string> unreadable, string field)
    {
        if (unreadable.Contains(field) || unreadable.Contains("$"))
        {
            return true;
        }

        // $.values[3].unit is covered by a problem at $.values[3] or $.values.
        foreach (var path in unreadable)
        {
            if (field.StartsWith(path, StringComparison.Ordinal) && field.Length > path.Length && field[path.Length] is '.' or '[')
            {
                return true;
            }
        }

        return false;
    }
}
