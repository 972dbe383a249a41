using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Moderation;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist moderate --model DIR --input IN.jsonl --output OUT.jsonl: one line per input line, in input order,
/// {"id", "scores": {category: probability, ...}, "flagged": [categories at or over their threshold]}.
/// </summary>
internal static class ModerateCommand
{
    public static Command Build()
    {
        var model = Model();
        var input = new Option<string>("--input") { Description = "JSONL input, one {\"id\": ..., \"text\": ...} per line.", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL output, one {\"id\", \"scores\", \"flagged\"} per input line, in input order.", Required = true };
        var command = new Command("moderate", "Score texts for harmful content, jailbreaks and injected instructions with a trained moderation model.") { model, input, output };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var loaded = ModerationArtifact.Load(parseResult.GetRequiredValue(model));
            var inputs = LabeledDataReader.ReadClassificationInput(parseResult.GetRequiredValue(input));
            var stopwatch = Stopwatch.StartNew();
            var scores = loaded.ScoreBatch(inputs.Select(i => i.Text).ToArray(), cancellationToken);
            var elapsed = stopwatch.Elapsed;

            var outPath = parseResult.GetRequiredValue(output);
            if (Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } directory)
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
                        Write(writer, inputs[i].IdJson, scores[i]);
                    }
                    buffer.WriteByte((byte)'\n');
                    buffer.Position = 0;
                    await buffer.CopyToAsync(stream, cancellationToken);
                }
            }
            var flagged = scores.Count(s => s.Flagged.Count > 0);
            CliApp.ConsoleFor(parseResult).WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Moderated {inputs.Count} texts in {elapsed.TotalSeconds:0.000} s ({flagged} flagged) -> {outPath}"));
            return 0;
        }));
        return command;
    }

    /// <summary>The output contract: the id echoed as given, every category's probability in model order, then the flags.</summary>
    public static void Write(Utf8JsonWriter writer, string idJson, ModerationScores scores)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        writer.WriteRawValue(idJson, skipInputValidation: true);
        writer.WriteStartObject("scores");
        for (var c = 0; c < scores.Categories.Count; c++)
        {
            writer.WriteNumber(scores.Categories[c], Math.Round((double)scores.Probabilities[c], 6));
        }
        writer.WriteEndObject();
        writer.WriteStartArray("flagged");
        foreach (var category in scores.Flagged)
        {
            writer.WriteStringValue(category);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
