using System.Text;
using System.Text.Json;

namespace SpecialistPlatform.MachineLearning.Data;

/// <summary>JSON Lines as every reader here takes them: blank lines skipped, each other line one JSON object, and a
/// line that is not one a <see cref="DataFormatException"/> naming the file and the line.</summary>
internal static class JsonLines
{
    public static IEnumerable<(int Line, JsonElement Root)> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new DataFormatException($"{path} line {lineNumber}: not valid JSON ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}).", ex);
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new DataFormatException($"{path} line {lineNumber}: expected a JSON object, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
                }
                yield return (lineNumber, document.RootElement.Clone());
            }
        }
    }
}
