using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spectre.Console;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Compliance.Detection.Policies;
using SpecialistPlatform.Frontier;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.MachineLearning.Sequence;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist frontier predict: the configured frontier model's answers on labelled data, from live calls, as the
/// predictions file `specialist calibrate --frontier-predictions` reads (rows in the same order as calibrate's examples).
/// Texts are redacted by the default compliance policy before they leave, exactly as escalated jobs are, and the
/// placeholders are restored in the answers here.
/// </summary>
internal static class FrontierPredictCommand
{
    public static Command Build()
    {
        var task = new Option<string>("--task") { Description = "intent (a label from the model's label set) or extract (the tagger's slots).", DefaultValueFactory = _ => "intent" };
        var model = new Option<string>("--model") { Description = "The specialist whose labels or slots the frontier answers in (model.bin or tagger.bin directory).", Required = true };
        var data = new Option<string>("--data") { Description = "The labelled data calibrate will read (same file, same options).", Required = true };
        var format = new Option<string?>("--format") { Description = "--task extract: restaurant8k, nlupp or jsonl." };
        var textColumn = TextColumn();
        var labelColumn = LabelColumn();
        var holdout = new Option<bool>("--holdout") { Description = "--task intent: the part of the training file the model held out (as calibrate --holdout)." };
        var output = new Option<string>("--out") { Description = "The predictions file to write (JSON Lines).", Required = true };
        var config = new Option<string?>("--config")
        {
            Description = "A JSON file with a \"Frontier\" section (the service's settings); environment variables Frontier__... override it.",
        };
        var parallel = new Option<int>("--parallel") { Description = "Calls in flight at once.", DefaultValueFactory = _ => 4 };
        var limit = new Option<int?>("--limit") { Description = "Only the first N rows (a cheap trial; calibrate then needs the same rows)." };
        var command = new Command("predict", "Ask the configured frontier model about every row of labelled data, redacted, and write its answers for calibrate.")
        {
            task, model, data, format, textColumn, labelColumn, holdout, output, config, parallel, limit,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var options = FrontierSettings(parseResult.GetValue(config));
            using var chain = new FrontierChain(Options.Create(options));
            if (!chain.IsConfigured)
            {
                throw new UsageException("No frontier model is configured: set Frontier__Models__0__Endpoint, __Model, __ApiKey and prices (or give --config FILE).");
            }

            var (texts, frontierTask, toLine) = parseResult.GetRequiredValue(task) switch
            {
                "intent" => IntentQuestions(parseResult.GetRequiredValue(model), parseResult.GetRequiredValue(data), parseResult.GetRequiredValue(textColumn),
                    parseResult.GetRequiredValue(labelColumn), parseResult.GetValue(holdout)),
                "extract" => ExtractQuestions(parseResult.GetRequiredValue(model), parseResult.GetRequiredValue(data), parseResult.GetValue(format)),
                var other => throw new UsageException($"--task must be intent or extract, not '{other}'."),
            };
            if (parseResult.GetValue(limit) is { } n)
            {
                texts = texts.Take(Math.Max(n, 0)).ToArray();
            }

            var applier = new PolicyApplier(PiiPolicy.Default);
            var lines = new string[texts.Count];
            var cost = 0m;
            long inputTokens = 0, outputTokens = 0;
            var invalid = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, texts.Count), new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, parseResult.GetValue(parallel)),
                CancellationToken = cancellationToken,
            }, async (i, token) =>
            {
                var redacted = applier.Apply(texts[i]);
                var (answer, problem, calls) = await chain.AskValidatedAsync(frontierTask, redacted.Text, options.MaxOutputTokens, token);
                lock (lines)
                {
                    cost += calls.Sum(c => c.Cost);
                    inputTokens += calls.Sum(c => c.InputTokens);
                    outputTokens += calls.Sum(c => c.OutputTokens);
                    invalid += problem is null ? 0 : 1;
                }

                // An answer that stayed invalid counts against the frontier: it is what a job would have got.
                lines[i] = toLine(i, texts[i], answer, redacted.Placeholders).ToJsonString();
            });

            await File.WriteAllLinesAsync(parseResult.GetRequiredValue(output), lines, cancellationToken);
            console.WriteLine($"Wrote {lines.Length} frontier answers to {parseResult.GetRequiredValue(output)} ({invalid} invalid after one retry)");
            console.WriteLine($"Tokens {inputTokens.ToString(CultureInfo.InvariantCulture)} in, {outputTokens.ToString(CultureInfo.InvariantCulture)} out; "
                              + $"cost {cost.ToString("0.######", CultureInfo.InvariantCulture)}, "
                              + $"{(lines.Length == 0 ? 0 : cost / lines.Length * 1000).ToString("0.####", CultureInfo.InvariantCulture)} per 1k jobs "
                              + "(give that to calibrate as --frontier-price-per-1k-jobs)");
            return 0;
        }));
        return new Command("frontier", "Work with the configured frontier model outside the platform.") { command };
    }

    private delegate JsonObject ToLine(int row, string text, JsonObject? answer, IReadOnlyDictionary<string, string> placeholders);

    private static FrontierOptions FrontierSettings(string? file)
    {
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"--config: no file at '{file}'.");
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        var options = builder.AddEnvironmentVariables().Build().GetSection(FrontierOptions.Section).Get<FrontierOptions>() ?? new FrontierOptions();
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new UsageException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }

        return options;
    }

    private static (IReadOnlyList<string>, FrontierTask, ToLine) IntentQuestions(string modelPath, string dataPath, string textColumn, string labelColumn, bool holdout)
    {
        var (_, intentModel, examples, _) = IntentCalibration.ReadExamples(modelPath, dataPath, textColumn, labelColumn, holdout);
        var labels = intentModel.Labels.ToList();
        return ([.. examples.Select(e => e.Text)], FrontierTask.Classify(labels, "text"),
            (row, text, answer, _) => new JsonObject { ["id"] = row, ["text"] = text, ["label"] = answer?["label"]?.GetValue<string>() ?? "(no valid answer)" });
    }

    private static (IReadOnlyList<string>, FrontierTask, ToLine) ExtractQuestions(string modelPath, string dataPath, string? format)
    {
        var gold = ExtractCalibration.ReadData(dataPath, format);
        var tagger = SpanTaggerArtifact.Deserialize(ModelFile.Read(modelPath, ExtractCalibration.TaggerFileName).Bytes);
        var schema = new SchemaOptions { Fields = [.. tagger.Labels.Select(label => new FieldOptions { Name = label, Type = "string" })] };
        return ([.. gold.Select(e => e.Text)], FrontierTask.Extract("slots", schema), (row, text, answer, placeholders) =>
        {
            var slots = new JsonArray();
            foreach (var (slot, value) in answer ?? [])
            {
                if (value?.GetValue<string>() is { Length: > 0 } found)
                {
                    slots.Add(new JsonObject { ["slot"] = slot, ["text"] = Redactor.Restore(found, placeholders) });
                }
            }

            return new JsonObject { ["id"] = row, ["text"] = text, ["slots"] = slots };
        });
    }
}
