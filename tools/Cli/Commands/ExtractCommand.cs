using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist extract --model DIR --input IN.jsonl --output OUT.jsonl [--reference T]</summary>
internal static class ExtractCommand
{
    public static Command Build()
    {
        var model = ExtractOptions.Model();
        var input = new Option<string>("--input") { Description = "JSONL input, one {\"id\": ..., \"text\": ..., \"requestedSlots\"?: [...]} per line.", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL output, one {\"id\", \"slots\": [{\"slot\", \"start\", \"end\", \"text\", \"value\", \"confidence\"}]} per input line, in input order.", Required = true };
        var reference = ExtractOptions.Reference();

        var command = new Command("extract", "Extract slot spans (with normalised values) from texts with a trained tagger.") { model, input, output, reference };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var tagger = SpanTaggerArtifact.Load(parseResult.GetRequiredValue(model));
            var values = ExtractOptions.SlotValuesFor(parseResult.GetValue(reference), null);
            var inputs = SpanDataReader.ReadExtractionInput(parseResult.GetRequiredValue(input));
            var stopwatch = Stopwatch.StartNew();
            var predictions = tagger.PredictBatch(inputs.Select(i => (i.Text, i.RequestedSlots)).ToArray(), cancellationToken);
            var elapsed = stopwatch.Elapsed;

            var outPath = parseResult.GetRequiredValue(output);
            var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
            var spans = 0;
            await using (var stream = File.Create(outPath))
            {
                var buffer = new MemoryStream();
                for (var i = 0; i < inputs.Count; i++)
                {
                    buffer.SetLength(0);
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        writer.WriteStartObject();
                        writer.WritePropertyName("id");
                        writer.WriteRawValue(inputs[i].IdJson, skipInputValidation: true);
                        writer.WriteStartArray("slots");
                        foreach (var span in predictions[i])
                        {
                            spans++;
                            writer.WriteStartObject();
                            writer.WriteString("slot", span.Label);
                            writer.WriteNumber("start", span.Start);
                            writer.WriteNumber("end", span.End);
                            writer.WriteString("text", span.Text);
                            writer.WritePropertyName("value");
                            SlotValues.Write(writer, values.Normalize(span.Label, span.Text));
                            writer.WriteNumber("confidence", Math.Round(span.Confidence, 6));
                            writer.WriteEndObject();
                        }
                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }
                    buffer.WriteByte((byte)'\n');
                    buffer.Position = 0;
                    await buffer.CopyToAsync(stream, cancellationToken);
                }
            }
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Extracted {spans} spans from {inputs.Count} texts in {elapsed.TotalSeconds:0.000} s -> {outPath}"));
            return 0;
        }));
        return command;
    }
}
