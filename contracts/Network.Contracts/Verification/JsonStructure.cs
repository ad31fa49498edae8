using System.Text.Json;

namespace Network.Contracts.Verification;

/// <summary>
/// A first pass over raw JSON that System.Text.Json's document model does not make: it reports duplicate
/// property names (which would let two readers of one signed payload see different values) and, when the
/// JSON is malformed, the path where it broke.
/// </summary>
internal static class JsonStructure
{
    /// <summary>Checks <paramref name="json"/>; problems are named with paths under <paramref name="root"/> (<c>$</c>, <c>header</c>).</summary>
    public static List<Rejection> Check(ReadOnlySpan<byte> json, string root)
    {
        var problems = new List<Rejection>();
        var frames = new Stack<Frame>();
        var path = root;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var here = frames.Count == 0 ? root : ElementPath(frames.Peek(), path);
                        frames.Push(new Frame(here, reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        if (frames.Count > 0)
                        {
                            frames.Peek().Index++;
                        }

                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = reader.GetString()!;
                        path = Join(frame.Path, name);
                        if (!frame.Names!.Add(name))
                        {
                            problems.Add(Rejections.DuplicateProperty(path));
                        }

                        break;
                    default:
                        if (frames.Count > 0)
                        {
                            frames.Peek().Index++;
                        }

                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var where = frames.Count == 0 ? root : ElementPath(frames.Peek(), path);
            problems.Add(Rejections.MalformedJson(where, $"{Describe(e)} (line {LineOf(json, reader.BytesConsumed) + 1}, byte {reader.BytesConsumed})."));
        }

        return problems;
    }

    // The path of the value the reader is on: inside an object the last property, inside an array the index.
    private static string ElementPath(Frame frame, string lastProperty) =>
        frame.IsObject ? lastProperty : $"{frame.Path}[{frame.Index}]";

    private static string Join(string parent, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static long LineOf(ReadOnlySpan<byte> json, long offset)
    {
        var upTo = json[..(int)Math.Min(offset, json.Length)];
        return upTo.Count((byte)'\n');
    }

    // JsonException messages end with internal position details; keep the first sentence, which says what is wrong.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private sealed class Frame(string path, bool isObject)
    {
        public string Path { get; } = path;

        public bool IsObject { get; } = isObject;

        public HashSet<string>? Names { get; } = isObject ? new(StringComparer.Ordinal) : null;

        public int Index { get; set; }
    }
}
