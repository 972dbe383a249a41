using System.Text;
using System.Text.Json;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Data;

/// <summary>A text to classify with its caller-chosen id, kept as raw JSON so it is echoed back unchanged.</summary>
public sealed record ClassificationInput(string IdJson, string Text);

/// <summary>
/// Reads labelled examples from CSV (header row, RFC 4180) or JSON Lines (one object per line), chosen
/// by the file extension (.jsonl, .ndjson and .json are JSON Lines, anything else is CSV).
/// </summary>
public static class LabeledDataReader
{
    public static IReadOnlyList<LabeledExample> Read(string path, string textColumn = "text", string labelColumn = "label")
    {
        EnsureExists(path);
        var examples = IsJsonLines(path)
            ? ReadJsonLines(path, textColumn, labelColumn)
            : ReadCsv(path, textColumn, labelColumn);
        if (examples.Count == 0)
        {
            throw new DataFormatException($"Data file '{path}' contains no examples.");
        }
        return examples;
    }

    /// <summary>Reads only the text column (CSV) or field (JSONL); labels, if any, are ignored.</summary>
    public static IReadOnlyList<string> ReadTexts(string path, string textColumn = "text")
    {
        EnsureExists(path);
        var texts = new List<string>();
        if (IsJsonLines(path))
        {
            foreach (var (lineNumber, root) in JsonLines.Read(path))
            {
                texts.Add(RequiredString(root, textColumn, path, lineNumber));
            }
        }
        else
        {
            using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var csv = new CsvReader(stream);
            var header = (csv.ReadRecord() ?? throw new DataFormatException($"Data file '{path}' is empty: a CSV header row is expected."))
                .Select(h => h.Trim()).ToList();
            var textIndex = header.IndexOf(textColumn);
            if (textIndex < 0)
            {
                throw new DataFormatException($"{path}: the text column '{textColumn}' (--text-column) is not in the header; the columns are: {string.Join(", ", header)}.");
            }
            while (csv.ReadRecord() is { } record)
            {
                if (record.Count == 1 && record[0].Length == 0)
                {
                    continue;
                }
                if (record.Count != header.Count)
                {
                    throw new DataFormatException($"{path} line {csv.RecordLine}: expected {header.Count} fields as in the header, found {record.Count}.");
                }
                texts.Add(record[textIndex]);
            }
        }
        if (texts.Count == 0)
        {
            throw new DataFormatException($"Data file '{path}' contains no texts.");
        }
        return texts;
    }

    public static bool IsJsonLines(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".json";

    /// <summary>Reads JSON Lines of <c>{"id": ..., "text": ...}</c>; blank lines are skipped.</summary>
    public static IReadOnlyList<ClassificationInput> ReadClassificationInput(string path, string textField = "text", string idField = "id")
    {
        EnsureExists(path);
        var inputs = new List<ClassificationInput>();
        foreach (var (lineNumber, root) in JsonLines.Read(path))
        {
            if (!root.TryGetProperty(idField, out var id))
            {
                throw new DataFormatException($"{path} line {lineNumber}: the object has no \"{idField}\" field.");
            }
            if (id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                throw new DataFormatException($"{path} line {lineNumber}: \"{idField}\" must be a string or a number, not {id.ValueKind.ToString().ToLowerInvariant()}.");
            }
            inputs.Add(new ClassificationInput(id.GetRawText(), RequiredString(root, textField, path, lineNumber)));
        }
        return inputs;
    }

    private static List<LabeledExample> ReadJsonLines(string path, string textField, string labelField)
    {
        var examples = new List<LabeledExample>();
        foreach (var (lineNumber, root) in JsonLines.Read(path))
        {
            var text = RequiredString(root, textField, path, lineNumber);
            if (!root.TryGetProperty(labelField, out var label) || label.ValueKind is JsonValueKind.Null)
            {
                throw new DataFormatException($"{path} line {lineNumber}: the object has no \"{labelField}\" field (use --label-column to name it).");
            }
            var labelText = label.ValueKind switch
            {
                JsonValueKind.String => label.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => label.GetRawText(),
                _ => throw new DataFormatException($"{path} line {lineNumber}: \"{labelField}\" must be a string or a number."),
            };
            examples.Add(new LabeledExample(text, RequireLabel(labelText, path, lineNumber)));
        }
        return examples;
    }


    private static string RequiredString(JsonElement root, string field, string path, int lineNumber)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new DataFormatException($"{path} line {lineNumber}: the object has no string \"{field}\" field (use --text-column to name it).");
        }
        return value.GetString()!;
    }

    private static List<LabeledExample> ReadCsv(string path, string textColumn, string labelColumn)
    {
        using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvReader(stream);
        var header = csv.ReadRecord() ?? throw new DataFormatException($"Data file '{path}' is empty: a CSV header row is expected.");
        header = header.Select(h => h.Trim()).ToList();
        var textIndex = header.IndexOf(textColumn);
        var labelIndex = header.IndexOf(labelColumn);
        if (textIndex < 0 || labelIndex < 0)
        {
            var missing = textIndex < 0 ? $"text column '{textColumn}' (--text-column)" : $"label column '{labelColumn}' (--label-column)";
            throw new DataFormatException($"{path}: the {missing} is not in the header; the columns are: {string.Join(", ", header)}.");
        }

        var examples = new List<LabeledExample>();
        while (csv.ReadRecord() is { } record)
        {
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue; // blank line
            }
            if (record.Count != header.Count)
            {
                throw new DataFormatException($"{path} line {csv.RecordLine}: expected {header.Count} fields as in the header, found {record.Count}.");
            }
            examples.Add(new LabeledExample(record[textIndex], RequireLabel(record[labelIndex], path, csv.RecordLine)));
        }
        return examples;
    }

    private static string RequireLabel(string label, string path, int lineNumber)
    {
        var trimmed = label.Trim();
        if (trimmed.Length == 0)
        {
            throw new DataFormatException($"{path} line {lineNumber}: the label is empty.");
        }
        return trimmed;
    }

    private static void EnsureExists(string path)
    {
        if (Directory.Exists(path))
        {
            throw new DataFormatException($"'{path}' is a directory, not a data file.");
        }
        if (!File.Exists(path))
        {
            throw new DataFormatException($"Data file '{path}' does not exist.");
        }
    }
}
