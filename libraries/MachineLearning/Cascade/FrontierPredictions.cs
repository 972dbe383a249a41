using System.Text;
using System.Text.Json;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Cascade;

/// <summary>The frontier model's answers joined to the calibration examples, one per example.</summary>
/// <param name="Labels">The frontier's label for each example, in the examples' order.</param>
/// <param name="Unmatched">Predictions whose text matched no example (a file covering a larger set is allowed).</param>
public sealed record FrontierAnswers(IReadOnlyList<string> Labels, int Unmatched)
{
    /// <summary>Labels are compared trimmed and case-insensitively: a model writing "Card_Arrival " still answered card_arrival.</summary>
    public static bool Agrees(string frontierLabel, string gold) =>
        string.Equals(frontierLabel.Trim(), gold.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Reads a frontier model's predictions: JSON Lines of <c>{"text": ..., "label": ...}</c> (joined on the exact text) or
/// <c>{"id": N, "label": ...}</c> (N is the 0-based row of the calibration examples); for extraction, <c>"slots":
/// [{"slot": ..., "text": ...}]</c> instead of the label. Every example needs an answer.
/// </summary>
public static class FrontierPredictions
{
    public static FrontierAnswers Join(string path, IReadOnlyList<LabeledExample> examples)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"Frontier predictions file '{path}' does not exist.");
        }

        var byId = new string?[examples.Count];
        var byText = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = examples.Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        var unmatched = 0;
        foreach (var (lineNumber, root) in JsonLines.Read(path))
        {
            var label = AnswerOf(root, path, lineNumber);
            if (root.TryGetProperty("id", out var idElement))
            {
                var id = RowId(idElement, path, lineNumber);
                if (id < 0 || id >= examples.Count)
                {
                    throw new DataFormatException($"{path} line {lineNumber}: id {id} is not a row of the calibration data (0 to {examples.Count - 1}).");
                }
                if (byId[id] is { } earlier && earlier != label)
                {
                    throw new DataFormatException($"{path} line {lineNumber}: id {id} already has the label '{earlier}'.");
                }
                byId[id] = label;
            }
            else if (root.TryGetProperty("text", out var textElement) && textElement.ValueKind == JsonValueKind.String)
            {
                var text = textElement.GetString()!;
                if (!wanted.Contains(text))
                {
                    unmatched++;
                    continue;
                }
                if (byText.TryGetValue(text, out var earlier) && earlier != label)
                {
                    throw new DataFormatException($"{path} line {lineNumber}: the same text already has the label '{earlier}'.");
                }
                byText[text] = label;
            }
            else
            {
                throw new DataFormatException($"{path} line {lineNumber}: the object needs an \"id\" (row number) or a \"text\" string.");
            }
        }

        var labels = new string[examples.Count];
        var missing = new List<int>();
        for (var i = 0; i < examples.Count; i++)
        {
            var label = byId[i] ?? byText.GetValueOrDefault(examples[i].Text);
            if (label is null)
            {
                missing.Add(i);
            }
            else
            {
                labels[i] = label;
            }
        }

        if (missing.Count > 0)
        {
            var first = examples[missing[0]].Text;
            throw new DataFormatException(
                $"{path} has no frontier prediction for {missing.Count} of {examples.Count} examples (first: row {missing[0]}, \"{Shorten(first)}\").");
        }

        return new FrontierAnswers(labels, unmatched);
    }

    /// <summary>
    /// One canonical string for a set of extracted slots, so an extraction answer compares like a label: sorted
    /// "slot=text" pairs, the text's whitespace collapsed. Two answers with the same slots and texts read the same.
    /// </summary>
    public static string CanonicalSlots(IEnumerable<(string Slot, string Text)> slots)
    {
        var pairs = slots.Select(s => $"{s.Slot.Trim()}={string.Join(' ', s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}")
            .Order(StringComparer.OrdinalIgnoreCase).ToArray();
        return pairs.Length == 0 ? "(no slots)" : string.Join(" | ", pairs);
    }

    /// <summary>A classification ("label": "...") or an extraction ("slots": [{"slot": ..., "text": ...}]).</summary>
    private static string AnswerOf(JsonElement root, string path, int lineNumber)
    {
        if (root.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String)
        {
            return label.GetString()!;
        }

        if (root.TryGetProperty("slots", out var slots) && slots.ValueKind == JsonValueKind.Array)
        {
            return CanonicalSlots(slots.EnumerateArray().Select(slot =>
                slot.ValueKind == JsonValueKind.Object
                && slot.TryGetProperty("slot", out var name) && name.ValueKind == JsonValueKind.String
                && slot.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                    ? (name.GetString()!, text.GetString()!)
                    : throw new DataFormatException($"{path} line {lineNumber}: each of \"slots\" needs a \"slot\" and a \"text\" string.")));
        }

        throw new DataFormatException($"{path} line {lineNumber}: the object has no \"label\" string (classification) or \"slots\" array (extraction).");
    }

    private static int RowId(JsonElement id, string path, int lineNumber)
    {
        if (id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var number))
        {
            return number;
        }
        if (id.ValueKind == JsonValueKind.String && int.TryParse(id.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        throw new DataFormatException($"{path} line {lineNumber}: \"id\" must be a whole row number, not {id.GetRawText()}.");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
