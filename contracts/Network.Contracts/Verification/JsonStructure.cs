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

        // The path of the value about to be read: inside an object the member just named, between members the object.
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
                        path = here;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        path = ValueDone(frames, root);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        if (!TryGetString(ref reader, out var name))
                        {
                            problems.Add(Rejections.MalformedJson(frame.Path, "a member name is not valid UTF-8 or holds an unpaired surrogate."));
                            return problems;
                        }

                        path = JsonPath.Member(frame.Path, name);
                        if (!frame.Names!.Add(name))
                        {
                            problems.Add(Rejections.DuplicateProperty(path));
                        }

                        break;
                    case JsonTokenType.String when !TryGetString(ref reader, out _):
                        var at = frames.Count == 0 ? root : ElementPath(frames.Peek(), path);
                        problems.Add(Rejections.MalformedJson(at, "the string is not valid UTF-8 or holds an unpaired surrogate."));
                        return problems;
                    default:
                        path = ValueDone(frames, root);
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

    // A value ended: an array moves to its next index, an object waits for its next member.
    private static string ValueDone(Stack<Frame> frames, string root)
    {
        if (frames.Count == 0)
        {
            return root;
        }

        var parent = frames.Peek();
        parent.Index++;
        return parent.Path;
    }

    // Utf8JsonReader does not validate the UTF-8 inside strings, and GetString throws InvalidOperationException
    // on bytes or escapes (an unpaired surrogate) that do not make a string: every later reader would too.
    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    // The path of the value the reader is on: inside an object the member just named, inside an array the index.
    private static string ElementPath(Frame frame, string path) =>
        frame.IsObject ? path : $"{frame.Path}[{frame.Index}]";

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
