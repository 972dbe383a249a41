using System.CommandLine;
using System.Text.Json.Nodes;
using SpecialistPlatform.Cli.Pii;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Compliance.Detection.Policies;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist detect --input IN.jsonl --output OUT.jsonl [--policy FILE.json] [--model DIR|none]</summary>
internal static class DetectCommand
{
    public static Option<string> Policy() => new("--policy")
    {
        Description = "Policy JSON (actions, keys as env:NAME, minimumScore, custom recognizers). Default: built-in recognizers, redact all but DATE_TIME.",
    };

    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "JSONL input, one {\"id\": ..., \"text\": ...} per line.", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL output, one {\"id\", \"entities\"} per input line, in input order.", Required = true };
        var policy = Policy();
        var model = PiiModelOption.Create();
        var command = new Command("detect", "Find personal data: type, [start, end) UTF-16 offsets, score and text per entity.") { input, output, policy, model };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, () =>
        {
            var document = parseResult.GetValue(policy) is { } path ? PolicyDocument.Load(path) : new PolicyDocument();
            var detector = document.ToDetector(PiiModelOption.Resolve(parseResult, model));
            var count = JsonlTexts.Process(parseResult.GetRequiredValue(input), parseResult.GetRequiredValue(output), line =>
            {
                var entities = new JsonArray();
                foreach (var f in detector.Detect(line.Text))
                    entities.Add(new JsonObject
                    {
                        ["type"] = f.Type, ["start"] = f.Start, ["end"] = f.End, ["score"] = f.Score, ["text"] = f.ValueIn(line.Text),
                    });
                return new JsonObject { ["id"] = line.Id, ["entities"] = entities };
            }, cancellationToken);
            parseResult.InvocationConfiguration.Output.WriteLine($"detected personal data in {count} texts -> {parseResult.GetRequiredValue(output)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
