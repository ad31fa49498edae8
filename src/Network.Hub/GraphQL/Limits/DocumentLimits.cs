using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Network.Hub.GraphQL.Limits;

/// <summary>
/// Bounds the work a GraphQL document can cause before graphql-dotnet parses, validates or analyses it: the tokens
/// it is made of, the nesting the parser will follow, and the fields it selects once every fragment spread is
/// expanded. Validation (overlapping fields in particular) grows with the square of the fields in one selection, and
/// the complexity analysis runs only after validation, so without this a few hundred kilobytes of one repeated field
/// cost tens of CPU-seconds before any limit is checked. Every check here is one linear pass.
/// </summary>
public static class DocumentLimits
{
    /// <summary>
    /// Checks <paramref name="query"/> against <paramref name="limits"/> and parses it. Returns the document to execute
    /// (so it is parsed once), or a refusal; a syntax error is left for the executer to report in its usual shape.
    /// </summary>
    public static DocumentCheck Check(string query, GraphQLOptions limits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(limits);
        if (CountTokens(query, limits.MaxTokens) is var tokens && tokens > limits.MaxTokens)
        {
            return DocumentCheck.Refused(
                $"The document has more than {limits.MaxTokens} tokens (names, punctuation, values), the most the hub reads in one request. Send a smaller query, or split it.");
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { MaxDepth = limits.MaxParserDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return DocumentCheck.Refused(
                $"The document nests more than {limits.MaxParserDepth} levels (selections, lists and objects together), the most the hub reads. Send a flatter query.",
                ErrorCodes.Depth);
        }
        catch (GraphQLSyntaxErrorException)
        {
            return DocumentCheck.Unparsed; // the executer parses it again and reports where the syntax is wrong
        }

        var fields = ExpandedFields(document, limits.MaxFields);
        return fields > limits.MaxFields
            ? DocumentCheck.Refused(
                $"The document selects more than {limits.MaxFields} fields once its fragments are expanded (every repeated field and alias counts), the most the hub accepts in one request. Select each field once, and split large queries.")
            : DocumentCheck.Parsed(document);
    }

    // Tokens up to one past the limit: a larger document is refused without reading the rest. Lexing allocates nothing.
    private static int CountTokens(string query, int limit)
    {
        var source = new ROM(query.AsMemory());
        var count = 0;
        var position = 0;
        try
        {
            while (count <= limit)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }

                count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // Not a GraphQL document: the parser reports it.
        }

        return count;
    }

    // The fields of every definition with each fragment spread replaced by the fragment's fields, as validation and
    // the complexity analysis visit them. Each fragment is counted once (memoised), so this is linear in the document
    // even when fragments spread fragments many times over; counts saturate past the limit.
    private static long ExpandedFields(GraphQLDocument document, int limit)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        var counted = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var definition in document.Definitions)
        {
            var selections = definition switch
            {
                GraphQLOperationDefinition operation => operation.SelectionSet,
                GraphQLFragmentDefinition fragment => fragment.SelectionSet,
                _ => null,
            };
            total = Saturate(total + Count(selections), limit);
        }

        return total;

        long Count(GraphQLSelectionSet? set)
        {
            if (set is null)
            {
                return 0;
            }

            long sum = 0;
            foreach (var selection in set.Selections)
            {
                sum += selection switch
                {
                    GraphQLField field => 1 + Count(field.SelectionSet),
                    GraphQLInlineFragment inline => Count(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                sum = Saturate(sum, limit);
            }

            return sum;
        }

        long Spread(string name)
        {
            if (counted.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment))
            {
                return 0; // validation reports the unknown fragment
            }

            counted[name] = 0; // a fragment that spreads itself adds nothing here; validation reports the cycle
            return counted[name] = Count(fragment.SelectionSet);
        }
    }

    private static long Saturate(long value, int limit) => Math.Min(value, (long)limit + 1);
}
