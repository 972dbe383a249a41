using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Spectre.Console;
using SpecialistPlatform.Cli.Pii;
using SpecialistPlatform.Compliance.Detection.Evaluation;
using SpecialistPlatform.Compliance.Detection.Policies;
using SpecialistPlatform.Compliance.Detection.Tagging;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.MachineLearning.Sequence;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist eval pii --data FILE [--data FILE2 ...] [--policy FILE.json] [--model DIR|none] [--iou 0.5]</summary>
internal static class EvalPiiCommand
{
    public const string RunKind = "pii-eval";

    public static Command Build()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Presidio evaluation data (JSON array or JSONL of {full_text, spans: [{entity_type, start_position, end_position}]}) or a hand-labelled *.pii.txt file. "
                + "Repeat to evaluate several sets side by side (one stored run each).",
            Required = true,
        };
        var policy = DetectCommand.Policy();
        var iou = new Option<double>("--iou") { Description = "Span IoU needed for a match.", DefaultValueFactory = _ => PiiEvaluator.DefaultIouThreshold };
        var model = PiiModelOption.Create();
        var outputs = new RunOutputs();
        var command = new Command("pii", "Evaluate personal-data detection: per-type and type-agnostic precision, recall, F1, F2.") { data, policy, iou, model };
        foreach (var option in outputs.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var threshold = parseResult.GetValue(iou);
            if (threshold is <= 0 or > 1)
                throw new UsageException("--iou must lie in (0, 1].");
            var document = parseResult.GetValue(policy) is { } path ? PolicyDocument.Load(path) : new PolicyDocument();
            var tagger = PiiModelOption.ResolveTagger(parseResult, model);
            var detector = document.ToDetector(tagger is null ? null : new EntityTaggerRecognizer(tagger));
            async Task Print(string dataPath, PiiEvaluationReport report)
            {
                console.WriteLine($"Evaluated {report.Samples} samples, span IoU >= {Number(threshold, "0.00")}");
                var table = new Table().AddColumns("type", "gold", "predicted", "matched", "precision", "recall", "F1", "F2");
                foreach (var s in report.PerType.Append(report.SupportedTypesOnly).Append(report.TypeAgnostic))
                {
                    table.AddRow(Markup.Escape(s.Type), s.Gold.ToString(CultureInfo.InvariantCulture), s.Predicted.ToString(CultureInfo.InvariantCulture),
                        s.TruePositives.ToString(CultureInfo.InvariantCulture), Number(s.Precision), Number(s.Recall), Number(s.F1), Number(s.F2));
                }
                console.Write(table);
                console.WriteLine("ALL_SUPPORTED: type-agnostic over gold spans of types the detector supports; ALL: over every gold span.");
                var worst = new Table().AddColumns("gold", "predicted", "count");
                foreach (var (g, p, n) in report.Confusions.Take(15))
                    worst.AddRow(Markup.Escape(g), Markup.Escape(p), n.ToString(CultureInfo.InvariantCulture));
                console.WriteLine("Worst confusions (type-agnostic matching; (missed) = no prediction, (none) = no gold span):");
                console.Write(worst);
                if (report.UnsupportedGoldTypes.Count > 0)
                    console.WriteLine($"Not covered by any recognizer: {string.Join(", ", report.UnsupportedGoldTypes)}");

                if (outputs.Wanted(parseResult))
                {
                    var taggerBytes = tagger is null ? null : SpanTaggerArtifact.Serialize(tagger);
                    var all = report.TypeAgnostic;
                    var run = new EvaluationRun
                    {
                        Kind = RunKind,
                        Task = "pii",
                        ModelName = tagger is null ? "rules" : "rules+entity-tagger",
                        ModelVersion = taggerBytes is null ? "rules" : ModelRegistry.VersionOf(taggerBytes),
                        ModelSha256 = taggerBytes is null ? "" : Convert.ToHexStringLower(SHA256.HashData(taggerBytes)),
                        DatasetSha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(dataPath, cancellationToken))),
                        DatasetRows = report.Samples,
                        DatasetSource = dataPath,
                        MetricsJson = ReportJson.Serialize(new Dictionary<string, object?>
                        {
                            ["examples"] = report.Samples,
                            ["iou"] = threshold,
                            ["precision"] = all.Precision,
                            ["recall"] = all.Recall,
                            ["f1"] = all.F1,
                            ["f2"] = all.F2,
                            ["supported_f2"] = report.SupportedTypesOnly.F2,
                        }),
                        PerClassJson = ReportJson.Serialize(report.PerType.Select(t => new
                        {
                            label = t.Type, count = t.Gold, precision = t.Precision, accuracy = t.Recall, f1 = t.F1, f2 = t.F2,
                        }).OrderBy(t => t.f2).ToArray()),
                        ConfusionsJson = ReportJson.Serialize(report.Confusions.Take(20).Select(c => new ConfusedPair(c.Gold, c.Predicted, c.Count)).ToArray()),
                        Notes = parseResult.GetValue(outputs.Note),
                    };
                    await outputs.KeepAsync(parseResult, run, console, cancellationToken);
                }
            }

            var paths = parseResult.GetRequiredValue(data);
            if (paths.Length > 1 && parseResult.GetValue(outputs.Report) is not null)
                throw new UsageException("--report writes one page: give a single --data with it.");
            var reports = new List<(string Path, PiiEvaluationReport Report)>();
            foreach (var dataPath in paths)
            {
                var samples = PresidioDataset.Read(dataPath);
                var report = await CliApp.WithProgress(console, "Evaluating", progress =>
                    PiiEvaluator.Evaluate(samples, t => detector.Detect(t), detector.SupportedTypes, threshold, new Progress<double>(progress)));
                reports.Add((dataPath, report));
                if (paths.Length > 1)
                    console.WriteLine($"== {dataPath}");
                await Print(dataPath, report);
            }
            if (reports.Count > 1)
                PrintSideBySide(console, reports);

            return 0;
        }));
        return command;
    }

    /// <summary>Per type, precision / recall / F2 of each set in one row: where a type holds up and where it does not.</summary>
    private static void PrintSideBySide(IAnsiConsole console, List<(string Path, PiiEvaluationReport Report)> reports)
    {
        var table = new Table().AddColumn("type");
        foreach (var (path, _) in reports)
            table.AddColumn(Markup.Escape($"{Path.GetFileName(path)}: gold, P / R / F2"));
        var types = reports.SelectMany(r => r.Report.PerType.Select(t => t.Type)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var type in types.Append("ALL"))
        {
            var cells = new List<string> { type };
            foreach (var (_, report) in reports)
            {
                var s = type == "ALL" ? report.TypeAgnostic : report.PerType.FirstOrDefault(t => t.Type == type);
                cells.Add(s is null || s.Gold + s.Predicted == 0 ? "–" : $"{s.Gold}, {Number(s.Precision, "0.000")} / {Number(s.Recall, "0.000")} / {Number(s.F2, "0.000")}");
            }
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        console.WriteLine("Side by side (ALL: type-agnostic over every gold span):");
        console.Write(table);
    }
}
