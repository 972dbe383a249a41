using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.MachineLearning.Cascade;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist calibrate: chooses the confidence below which a specialist hands a job to the frontier model, from the
/// measured trade-off between escalation rate, combined accuracy and cost on the user's own labelled data.
/// </summary>
internal static class CalibrateCommand
{
    public const string RunKind = "calibration";

    public static Command Build()
    {
        var task = new Option<string>("--task")
        {
            Description = "intent (a router: the top label's calibrated probability) or extract (a span tagger: its least confident span).",
            DefaultValueFactory = _ => "intent",
        };
        var format = new Option<string?>("--format") { Description = "--task extract: the data's format, restaurant8k, nlupp or jsonl (default: from the file)." };
        var model = Model();
        var data = new Option<string>("--data") { Description = "Labelled data the model was not trained on: CSV with a header row, or JSONL.", Required = true };
        var textColumn = TextColumn();
        var labelColumn = LabelColumn();
        var holdout = new Option<bool>("--holdout")
        {
            Description = "--data is the model's training file: calibrate on the part training held out (seed and share from the model; checked against its training-data SHA-256).",
        };
        var frontierPredictions = new Option<string?>("--frontier-predictions")
        {
            Description = "The frontier model's answers on the same data: JSONL of {\"text\": ..., \"label\": ...} or {\"id\": row, \"label\": ...}.",
        };
        var frontierAccuracy = new Option<double?>("--frontier-accuracy")
        {
            Description = "Without a predictions file: the frontier's accuracy to assume (0-1), e.g. a published figure. Reported as assumed.",
        };
        var targetAccuracy = new Option<double?>("--target-accuracy") { Description = "Pick the cheapest threshold whose combined accuracy is at least this (0-1)." };
        var maxEscalation = new Option<double?>("--max-escalation-rate") { Description = "Pick the most accurate threshold escalating at most this share of jobs (0-1)." };
        var fixedThreshold = new Option<double?>("--threshold") { Description = "Measure this threshold (e.g. one chosen on other data) instead of choosing one." };
        var frontierPrice = new Option<double>("--frontier-price-per-1k-jobs")
        {
            Description = "What 1,000 frontier calls cost; default 1, so costs read as a share of sending everything to the frontier.",
            DefaultValueFactory = _ => 1.0,
        };
        var specialistPrice = new Option<double>("--specialist-price-per-1k-jobs") { Description = "What 1,000 specialist calls cost.", DefaultValueFactory = _ => 0.0 };
        var rows = new Option<int>("--rows") { Description = "Rows of the sweep to print.", DefaultValueFactory = _ => 15 };
        var classes = new Option<int>("--classes") { Description = "Classes to print (highest escalation rate first); all are stored.", DefaultValueFactory = _ => 15 };
        var register = new Option<string?>("--register") { Description = "Store the threshold on this registry model's version whose artifact matches --model." };
        var outputs = new RunOutputs();

        var command = new Command("calibrate", "Choose the escalation threshold of a specialist/frontier cascade from measured trade-offs on labelled data.")
        {
            task, model, data, format, textColumn, labelColumn, holdout, frontierPredictions, frontierAccuracy, targetAccuracy, maxEscalation, fixedThreshold,
            frontierPrice, specialistPrice, rows, classes, register,
        };
        foreach (var option in outputs.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var target = Target(parseResult.GetValue(targetAccuracy), parseResult.GetValue(maxEscalation), parseResult.GetValue(fixedThreshold));
            var predictionsFile = parseResult.GetValue(frontierPredictions);
            var assumed = parseResult.GetValue(frontierAccuracy);
            if (predictionsFile is null == assumed is null)
            {
                throw new UsageException(predictionsFile is null
                    ? "Say how good the frontier model is: --frontier-predictions FILE (measured), or --frontier-accuracy A (an assumption)."
                    : "Give --frontier-predictions or --frontier-accuracy, not both: measured answers make the assumption pointless.");
            }
            if (assumed is { } a && !(a >= 0 && a <= 1))
            {
                throw new UsageException($"--frontier-accuracy must be between 0 and 1, not {a.ToString(CultureInfo.InvariantCulture)}.");
            }

            var prices = new CascadePrices(parseResult.GetValue(specialistPrice), parseResult.GetValue(frontierPrice));
            if (!(prices.SpecialistPer1k >= 0) || !(prices.FrontierPer1k >= 0))
            {
                throw new UsageException("Prices per 1k jobs cannot be negative.");
            }

            var console = CliApp.ConsoleFor(parseResult);
            var taskName = parseResult.GetRequiredValue(task);
            var input = taskName switch
            {
                "intent" => await IntentCalibration.PrepareAsync(parseResult.GetRequiredValue(model), parseResult.GetRequiredValue(data),
                    parseResult.GetRequiredValue(textColumn), parseResult.GetRequiredValue(labelColumn), parseResult.GetValue(holdout),
                    predictionsFile, assumed, console, cancellationToken),
                "extract" => ExtractCalibration.Prepare(parseResult.GetRequiredValue(model), parseResult.GetRequiredValue(data),
                    parseResult.GetValue(format), parseResult.GetValue(holdout), predictionsFile, assumed, cancellationToken),
                _ => throw new UsageException($"calibrate supports --task intent or extract; '{taskName}' has no confidence-scored model."),
            };
            var (modelFile, examples, source, frontier, cascade) = (input.Model, input.Examples, input.Source, input.Frontier, input.Cascade);

            var sweep = CascadeCalibrator.Sweep(cascade, prices);
            var chosen = target is FixedThreshold given ? CascadeCalibrator.At(cascade, given.Threshold, prices) : CascadeCalibrator.Choose(sweep, target);
            var specialistOnly = CascadeCalibrator.SpecialistOnly(cascade, prices);
            var frontierOnly = CascadeCalibrator.FrontierOnly(cascade, prices);
            var perClass = chosen is null ? [] : CascadeCalibrator.PerClass(cascade, chosen.Threshold);

            var frontierNote = frontier is null
                ? $"frontier accuracy assumed ({Percent(assumed!.Value)}), no predictions file: combined accuracies are expected values that treat frontier errors as independent of the specialist's confidence"
                : $"frontier accuracy measured from {predictionsFile} ({Percent(frontierOnly.CombinedAccuracy)})"
                  + (frontier.Unmatched > 0 ? $"; {frontier.Unmatched} predictions matched no example and were ignored" : "");
            var priceNote = parseResult.GetResult(frontierPrice) is null or { Implicit: true }
                ? "frontier price not given: costs are in units of the frontier's price per 1k jobs"
                : null;

            console.WriteLine($"Calibrated on {examples.Count} examples from {source}");
            console.WriteLine(frontier is null ? $"Frontier accuracy: {Percent(assumed!.Value)} ASSUMED (no predictions file)" : $"Frontier accuracy: {Percent(frontierOnly.CombinedAccuracy)} measured");
            console.WriteLine($"Prices per 1k jobs: specialist {Money(prices.SpecialistPer1k)}, frontier {Money(prices.FrontierPer1k)}{(priceNote is null ? "" : " (" + priceNote + ")")}");
            console.WriteLine($"Goal: {target.Describe()}");
            WriteSweep(console, CascadeCalibrator.Compact(sweep, Math.Max(parseResult.GetValue(rows), 3), chosen), chosen, sweep.Count);
            console.WriteLine($"Specialist only:  accuracy {Percent(specialistOnly.CombinedAccuracy)}, cost {Money(specialistOnly.CostPer1k)} per 1k jobs");
            console.WriteLine($"Frontier only:    accuracy {Percent(frontierOnly.CombinedAccuracy)}{(frontier is null ? " (assumed)" : "")}, cost {Money(frontierOnly.CostPer1k)} per 1k jobs");
            if (chosen is not null)
            {
                var saving = prices.FrontierPer1k > 0 ? $" ({Percent(1 - chosen.CostPer1k / prices.FrontierPer1k)} less than frontier only)" : "";
                console.WriteLine($"{(target is FixedThreshold ? "Given" : "Chosen")} threshold: {Number(chosen.Threshold)}: escalate {Percent(chosen.EscalationRate)} of jobs, combined accuracy "
                                  + $"{Percent(chosen.CombinedAccuracy)}, specialist accuracy on kept jobs {(chosen.KeptAccuracy is { } k ? Percent(k) : "n/a")}, "
                                  + $"cost {Money(chosen.CostPer1k)} per 1k jobs{saving}");
                WritePerClass(console, perClass, Math.Max(parseResult.GetValue(classes), 0));
            }
            if (frontier is null)
            {
                console.WriteLine($"Note: {frontierNote}.");
            }

            if (outputs.Wanted(parseResult))
            {
                var metrics = new Dictionary<string, object?>(input.SpecialistMetrics)
                {
                    ["examples"] = examples.Count,
                    ["frontier_accuracy"] = frontierOnly.CombinedAccuracy,
                    ["frontier_accuracy_source"] = frontier is null ? "assumed" : "measured",
                    ["goal"] = target.Describe(),
                    ["target_accuracy"] = (target as TargetAccuracy)?.Accuracy,
                    ["max_escalation_rate"] = (target as MaxEscalationRate)?.Rate,
                    ["chosen_threshold"] = chosen?.Threshold,
                    ["chosen_escalation_rate"] = chosen?.EscalationRate,
                    ["chosen_combined_accuracy"] = chosen?.CombinedAccuracy,
                    ["chosen_kept_accuracy"] = chosen?.KeptAccuracy,
                };
                var run = new EvaluationRun
                {
                    Kind = RunKind,
                    Task = taskName,
                    ModelName = parseResult.GetValue(register),
                    ModelVersion = modelFile.Version,
                    ModelSha256 = modelFile.Sha256,
                    DatasetSha256 = RunRecords.DatasetSha256(examples),
                    DatasetRows = examples.Count,
                    DatasetSource = source,
                    MetricsJson = ReportJson.Serialize(metrics),
                    PerClassJson = ReportJson.Serialize(perClass),
                    LatencyP50Ms = input.LatencyP50Ms,
                    LatencyP95Ms = input.LatencyP95Ms,
                    LatencyP99Ms = input.LatencyP99Ms,
                    SpecialistCostPer1k = specialistOnly.CostPer1k,
                    FrontierCostPer1k = frontierOnly.CostPer1k,
                    CascadeCostPer1k = chosen?.CostPer1k,
                    EscalationThreshold = chosen?.Threshold,
                    FrontierAccuracyAssumed = frontier is null,
                    SweepJson = ReportJson.Serialize(sweep),
                    ReliabilityJson = ReportJson.Serialize(input.Reliability),
                    ConfusionsJson = ReportJson.Serialize(input.Confusions),
                    Notes = string.Join("; ", new[] { frontierNote, priceNote, parseResult.GetValue(outputs.Note) }.Where(s => !string.IsNullOrWhiteSpace(s))),
                };
                await outputs.KeepAsync(parseResult, run, console, cancellationToken);
            }

            if (chosen is null)
            {
                var best = target is TargetAccuracy ? sweep.MaxBy(p => p.CombinedAccuracy)! : sweep[0];
                throw new UsageException(target is TargetAccuracy t
                    ? $"No threshold reaches combined accuracy {Percent(t.Accuracy)}: the best is {Percent(best.CombinedAccuracy)} escalating {Percent(best.EscalationRate)}."
                    : $"Every threshold escalates more than the allowed share: out-of-scope decisions alone escalate {Percent(best.EscalationRate)}.");
            }

            if (parseResult.GetValue(register) is { } name)
            {
                await using var context = outputs.Database.Open(parseResult);
                try
                {
                    var updated = await new ModelRegistry(context).SetEscalationThresholdAsync(taskName, name, modelFile.Version, chosen.Threshold, cancellationToken);
                    console.WriteLine($"Registered escalation threshold {Number(chosen.Threshold)} on {updated.Task}/{updated.Name} {updated.Version}");
                }
                catch (ModelRegistryException ex)
                {
                    throw new ModelRegistryException($"{ex.Message} Register the model first: specialist models register --task {taskName} --name {name} --model {parseResult.GetRequiredValue(model)}");
                }
            }

            return 0;
        }));
        return command;
    }

    private static CascadeTarget Target(double? accuracy, double? maxEscalation, double? threshold)
    {
        if (new[] { accuracy, maxEscalation, threshold }.Count(v => v is not null) is var given && given != 1)
        {
            throw new UsageException(given == 0
                ? "Say what the threshold must achieve: --target-accuracy X or --max-escalation-rate Y (or measure one with --threshold T)."
                : "Give one of --target-accuracy, --max-escalation-rate and --threshold, not both.");
        }

        return (accuracy, maxEscalation, threshold) switch
        {
            ({ } x, _, _) when !(x > 0 && x <= 1) => throw new UsageException($"--target-accuracy is a share between 0 and 1 (0.9 for 90%), not {x.ToString(CultureInfo.InvariantCulture)}."),
            ({ } x, _, _) => new TargetAccuracy(x),
            (_, { } y, _) when !(y >= 0 && y <= 1) => throw new UsageException($"--max-escalation-rate is a share between 0 and 1 (0.2 for 20%), not {y.ToString(CultureInfo.InvariantCulture)}."),
            (_, { } y, _) => new MaxEscalationRate(y),
            (_, _, { } t) when !(t >= 0) || double.IsInfinity(t) => throw new UsageException($"--threshold must be a probability, not {t.ToString(CultureInfo.InvariantCulture)}."),
            (_, _, { } t) => new FixedThreshold(t),
            _ => throw new UsageException("No goal given."),
        };
    }

    private static void WriteSweep(IAnsiConsole console, IReadOnlyList<SweepPoint> rows, SweepPoint? chosen, int total)
    {
        var table = new Table().Title($"Threshold sweep ({rows.Count} of {total} points)")
            .AddColumns("escalate below", "escalated", "specialist acc. (kept)", "combined acc.", "cost / 1k jobs", "");
        foreach (var p in rows)
        {
            table.AddRow(Number(p.Threshold), Percent(p.EscalationRate), p.KeptAccuracy is { } k ? Percent(k) : "-",
                Percent(p.CombinedAccuracy), Money(p.CostPer1k), p == chosen ? "<- chosen" : "");
        }
        console.Write(table);
    }

    private static void WritePerClass(IAnsiConsole console, IReadOnlyList<ClassCascade> perClass, int limit)
    {
        if (limit == 0 || perClass.Count == 0)
        {
            return;
        }

        var table = new Table().Title($"Per class at the chosen threshold ({Math.Min(limit, perClass.Count)} of {perClass.Count}, most escalated first)")
            .AddColumns("gold label", "n", "escalated", "specialist acc. (kept)", "specialist acc. (all)", "combined acc.");
        foreach (var c in perClass.Take(limit))
        {
            table.AddRow(Markup.Escape(c.Label), c.Count.ToString(CultureInfo.InvariantCulture), Percent(c.EscalationRate),
                c.KeptAccuracy is { } k ? Percent(k) : "-", Percent(c.SpecialistAccuracy), Percent(c.CombinedAccuracy));
        }
        console.Write(table);
    }

    private static string Money(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
