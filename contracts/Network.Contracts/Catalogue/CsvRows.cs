using System.Text;

namespace Network.Contracts.Catalogue;

/// <summary>
/// A minimal RFC 4180 reader for the catalogue file embedded in this assembly: quoted fields,
/// doubled quotes and commas inside quotes. It is not a general CSV importer.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<IReadOnlyList<string>> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch != '"') { field.Append(ch); continue; }
                if (reader.Peek() == '"') { reader.Read(); field.Append('"'); continue; }
                inQuotes = false;
                continue;
            }

            switch (ch)
            {
                case '"': inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default: field.Append(ch); break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
