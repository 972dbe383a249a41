using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpecialistPlatform.Cli.Pii;

/// <summary>One input line of detect/redact: an id (any JSON value, echoed back as given) and a text.</summary>
internal sealed record IdText(int Line, JsonNode? Id, string Text);

internal static class JsonlTexts
{
    // Placeholders and tokens contain '<' and '>': keep them readable instead of \u003C escapes.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<IdText> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Input file not found: {path}");
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
                continue;
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new ArgumentException($"{path}:{lineNumber}: not JSON ({ex.Message})", ex);
            }
            if (node is not JsonObject obj)
                throw new ArgumentException($"{path}:{lineNumber}: expected an object with \"id\" and \"text\".");
            if (obj["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
                throw new ArgumentException($"{path}:{lineNumber}: \"text\" must be a string.");
            yield return new IdText(lineNumber, obj["id"]?.DeepClone(), text);
        }
    }

    /// <summary>
    /// Maps the lines in parallel but writes results in input order, a bounded batch at a time so memory
    /// stays flat on large files.
    /// </summary>
    public static int Process(string input, string output, Func<IdText, JsonObject> map, CancellationToken cancellationToken, int batchSize = 2048)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null && !Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Output folder does not exist: {directory}");
        using var writer = new StreamWriter(output);
        var count = 0;
        foreach (var batch in Read(input).Chunk(batchSize))
        {
            List<JsonObject> results;
            try
            {
                results = batch.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(map).ToList();
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
            {
                // Surface the first real failure so CliApp.Guard can report it as one line.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
                throw;
            }
            foreach (var result in results)
                writer.WriteLine(result.ToJsonString(Output));
            count += batch.Length;
        }
        return count;
    }
}
