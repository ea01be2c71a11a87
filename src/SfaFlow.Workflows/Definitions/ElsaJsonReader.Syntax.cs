using System.Text;
using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

public static partial class ElsaJsonReader
{
    /// <summary>A located diagnostic for JSON that does not parse: the path reached, the line and the column (1-based).</summary>
    private static DefinitionDiagnostic MalformedJson(JsonException exception, ReadOnlySpan<byte> utf8Json)
    {
        // JsonException messages end with "LineNumber: ... | BytePositionInLine: ..."; the location goes into the
        // diagnostic's own fields instead.
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut].TrimEnd();
        }

        var line = exception.LineNumber is { } zeroBasedLine ? (int)zeroBasedLine : (int?)null;
        return new DefinitionDiagnostic(PathAtSyntaxError(utf8Json), $"Malformed JSON: {message}")
        {
            Line = line + 1,
            Column = line is { } index && exception.BytePositionInLine is { } bytes ? CharacterColumn(utf8Json, index, (int)bytes) : null,
        };
    }

    /// <summary>
    /// Reads the text again token by token up to the error, to say where in the document it is: <c>$.root.activities[2]</c>
    /// between two members, <c>$.root.activities[2].type</c> inside a member's value. Only runs for text that failed.
    /// </summary>
    private static string PathAtSyntaxError(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            AllowTrailingCommas = DocumentOptions.AllowTrailingCommas,
            CommentHandling = DocumentOptions.CommentHandling,
            MaxDepth = DocumentOptions.MaxDepth,
        });

        // One entry per open object or array: its element count and the member being read ("" between members).
        var open = new List<(bool IsArray, int Count, string Member)>();
        void BeginValue()
        {
            if (open.Count > 0 && open[^1] is { IsArray: true } array)
            {
                open[^1] = array with { Count = array.Count + 1, Member = Index("", array.Count) };
            }
        }

        void EndValue()
        {
            if (open.Count > 0)
            {
                open[^1] = open[^1] with { Member = "" };
            }
        }

        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        BeginValue();
                        open.Add((reader.TokenType == JsonTokenType.StartArray, 0, ""));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.RemoveAt(open.Count - 1);
                        EndValue();
                        break;
                    case JsonTokenType.PropertyName:
                        open[^1] = open[^1] with { Member = Child("", NameOf(ref reader)) };
                        break;
                    case JsonTokenType.Comment or JsonTokenType.None:
                        break;
                    default:
                        BeginValue();
                        EndValue();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Expected: this is where the document breaks.
        }

        return "$" + string.Concat(open.Select(o => o.Member));
    }

    private static string NameOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>The 1-based column in characters (UTF-16, as editors count) of a byte offset within a line.</summary>
    private static int CharacterColumn(ReadOnlySpan<byte> utf8Json, int line, int bytesIntoLine)
    {
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            var next = utf8Json[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return bytesIntoLine + 1;
            }

            start += next + 1;
        }

        var length = Math.Clamp(bytesIntoLine, 0, utf8Json.Length - start);
        return Encoding.UTF8.GetCharCount(utf8Json.Slice(start, length)) + 1;
    }
}
