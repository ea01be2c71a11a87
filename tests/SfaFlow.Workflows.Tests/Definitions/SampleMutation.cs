using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Workflows.Tests.Definitions;

public enum MutationKind
{
    DeleteMember,
    ChangeType,
    StringToNumberOrNull,
    DuplicateElement,
    SwapElements,
    DeepNest,
    RenameKey,
    ReplaceWithWord,
    HostileString,
    Transplant,
}

/// <summary>One change to a parsed sample; <see cref="Target"/> and <see cref="Pick"/> choose the node and the variant.</summary>
public sealed record Mutation(MutationKind Kind, int Target, int Pick);

/// <summary>A change to the text after the JSON changes: 0 truncates, 1 deletes a character, 2 inserts one, 3 overwrites a byte.</summary>
public sealed record TextEdit(int Kind, int Offset, int Pick);

/// <summary>A real Elsa sample with mutations applied: the input of the property tests on mutated definitions.</summary>
public sealed record SampleMutation(string File, Mutation[] Mutations, TextEdit? Edit)
{
    private static readonly string[] Files = [.. Directory.GetFiles(SharedFolder.ElsaSamples, "*--*.json").Select(Path.GetFileName).Order()!];

    private static readonly Dictionary<string, string> Texts = Files.ToDictionary(f => f, f => System.IO.File.ReadAllText(Path.Combine(SharedFolder.ElsaSamples, f)));

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 2048 };

    private static readonly char[] Inserted = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '0', 'x', '\n'];

    public static readonly Gen<SampleMutation> Gen = CsCheck.Gen.Select(
        CsCheck.Gen.Int[0, Files.Length - 1],
        CsCheck.Gen.Select(CsCheck.Gen.Enum<MutationKind>(), CsCheck.Gen.Int[0, 100_000], CsCheck.Gen.Int[0, 100_000]).Select((k, t, p) => new Mutation(k, t, p)).Array[0, 4],
        CsCheck.Gen.Frequency(
            (3, CsCheck.Gen.Const((TextEdit?)null)),
            (1, CsCheck.Gen.Select(CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 1_000_000], CsCheck.Gen.Int[0, 255]).Select(TextEdit? (k, o, p) => new TextEdit(k, o, p)))),
        (file, mutations, edit) => new SampleMutation(Files[file], mutations, edit));

    /// <summary>The mutated document as UTF-8 bytes (a byte edit may make them invalid UTF-8).</summary>
    public byte[] Bytes()
    {
        var holder = new JsonArray(JsonNode.Parse(Texts[File]));
        foreach (var mutation in Mutations)
        {
            Apply(holder, mutation);
        }

        var text = holder[0]?.ToJsonString(Output) ?? "null";
        for (var i = 0; i < JsonGen.Hostile.Length; i++)
        {
            text = text.Replace($"\"@@hostile{i}@@\"", JsonGen.Hostile[i], StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (Edit is not { } edit || bytes.Length == 0)
        {
            return bytes;
        }

        var at = edit.Offset % bytes.Length;
        return edit.Kind switch
        {
            0 => bytes[..at],
            1 => [.. bytes[..at], .. bytes[(at + 1)..]],
            2 => [.. bytes[..at], (byte)Inserted[edit.Pick % Inserted.Length], .. bytes[at..]],
            _ => [.. bytes[..at], (byte)edit.Pick, .. bytes[(at + 1)..]],
        };
    }

    public override string ToString() =>
        $"{File} [{string.Join(", ", Mutations.Select(m => m.ToString()))}] {Edit}";

    private static void Apply(JsonArray holder, Mutation mutation)
    {
        var slots = Slots(holder).ToList();
        var slot = slots[mutation.Target % slots.Count];
        var pick = mutation.Pick;
        switch (mutation.Kind)
        {
            case MutationKind.DeleteMember when slot.Parent != holder:
                Remove(slot);
                break;
            case MutationKind.ChangeType:
                Set(slot, (pick % 7) switch
                {
                    0 => JsonValue.Create(42),
                    1 => JsonValue.Create("x"),
                    2 => JsonValue.Create(true),
                    3 => null,
                    4 => new JsonObject(),
                    5 => new JsonArray(),
                    _ => new JsonArray(new JsonArray(new JsonObject())),
                });
                break;
            case MutationKind.StringToNumberOrNull when slots.Where(s => s.Node?.GetValueKind() == JsonValueKind.String).ToList() is { Count: > 0 } strings:
                Set(strings[mutation.Target % strings.Count], pick % 2 == 0 ? JsonValue.Create(pick) : null);
                break;
            case MutationKind.DuplicateElement when slots.Select(s => s.Node).OfType<JsonArray>().Where(a => a.Count > 0).ToList() is { Count: > 0 } arrays:
                var array = arrays[mutation.Target % arrays.Count];
                array.Insert(pick % (array.Count + 1), array[pick % array.Count]?.DeepClone());
                break;
            case MutationKind.SwapElements when slots.Select(s => s.Node).OfType<JsonArray>().Where(a => a.Count > 1).ToList() is { Count: > 0 } arrays:
                var swapped = arrays[mutation.Target % arrays.Count];
                int i = pick % swapped.Count, j = pick / 7 % swapped.Count;
                (swapped[i], swapped[j]) = (swapped[j]?.DeepClone(), swapped[i]?.DeepClone());
                break;
            case MutationKind.DeepNest:
                var nested = slot.Node?.DeepClone();
                for (var level = 0; level < 1 + pick % 300; level++)
                {
                    nested = pick % 2 == 0 ? new JsonArray(nested) : new JsonObject { ["a"] = nested };
                }

                Set(slot, nested);
                break;
            case MutationKind.RenameKey when slot.Parent is JsonObject owner && slot.Key is { Length: > 0 } key:
                var renamed = pick % 2 == 0 ? char.ToUpperInvariant(key[0]) + key[1..] : JsonGen.Keys[pick % JsonGen.Keys.Length];
                if (!owner.ContainsKey(renamed))
                {
                    owner.Remove(key);
                    owner[renamed] = slot.Node;
                }

                break;
            case MutationKind.ReplaceWithWord:
                Set(slot, JsonValue.Create(JsonGen.Words[pick % JsonGen.Words.Length]));
                break;
            case MutationKind.HostileString:
                Set(slot, JsonValue.Create($"@@hostile{pick % JsonGen.Hostile.Length}@@"));
                break;
            case MutationKind.Transplant when slots[pick % slots.Count].Node is JsonObject or JsonArray:
                var copy = slot.Node?.DeepClone();
                if (slots[pick % slots.Count].Node is JsonObject into)
                {
                    into[$"x{pick}"] = copy;
                }
                else
                {
                    ((JsonArray)slots[pick % slots.Count].Node!).Add(copy);
                }

                break;
        }
    }

    /// <summary>Every place a value sits, parents before children: (parent, key or index, value). Null values included.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index, JsonNode? Node)> Slots(JsonNode parent)
    {
        var children = parent switch
        {
            JsonObject o => o.Select((p, i) => (parent, (string?)p.Key, i, p.Value)).ToList(),
            JsonArray a => a.Select((n, i) => (parent, (string?)null, i, n)).ToList(),
            _ => [],
        };
        foreach (var child in children)
        {
            yield return child;
            if (child.Item4 is { } node)
            {
                foreach (var descendant in Slots(node))
                {
                    yield return descendant;
                }
            }
        }
    }

    private static void Set((JsonNode Parent, string? Key, int Index, JsonNode? Node) slot, JsonNode? value)
    {
        if (slot.Parent is JsonObject owner)
        {
            owner[slot.Key!] = value;
        }
        else
        {
            slot.Parent.AsArray()[slot.Index] = value;
        }
    }

    private static void Remove((JsonNode Parent, string? Key, int Index, JsonNode? Node) slot)
    {
        if (slot.Parent is JsonObject owner)
        {
            owner.Remove(slot.Key!);
        }
        else
        {
            slot.Parent.AsArray().RemoveAt(slot.Index);
        }
    }
}
