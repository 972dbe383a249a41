using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist classify --model DIR --input IN.jsonl --output OUT.jsonl</summary>
internal static class ClassifyCommand
{
    public static Command Build()
    {
        var model = Model();
        var input = new Option<string>("--input") { Description = "JSONL input, one {\"id\": ..., \"text\": ...} per line.", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL output, one {\"id\", \"label\", \"confidence\"} per input line, in input order.", Required = true };

        var command = new Command("classify", "Classify texts with a trained model.") { model, input, output };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var loaded = ModelArtifact.Load(parseResult.GetRequiredValue(model));
            var inputs = LabeledDataReader.ReadClassificationInput(parseResult.GetRequiredValue(input));
            var stopwatch = Stopwatch.StartNew();
            var predictions = loaded.PredictBatch(inputs.Select(i => i.Text).ToArray(), cancellationToken);
            var elapsed = stopwatch.Elapsed;

            var outPath = parseResult.GetRequiredValue(output);
            var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
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
                        writer.WriteString("label", predictions[i].Label);
                        writer.WriteNumber("confidence", Math.Round((double)predictions[i].Confidence, 6));
                        writer.WriteEndObject();
                    }
                    buffer.WriteByte((byte)'\n');
                    buffer.Position = 0;
                    await buffer.CopyToAsync(stream, cancellationToken);
                }
            }

            var oos = predictions.Count(p => p.OutOfScope);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Classified {inputs.Count} texts in {elapsed.TotalSeconds:0.000} s ({oos} out of scope) -> {outPath}"));
            return 0;
        }));
        return command;
    }
}
