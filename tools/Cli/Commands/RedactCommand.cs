using System.CommandLine;
using System.Text.Json.Nodes;
using SpecialistPlatform.Cli.Pii;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Compliance.Detection.Policies;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist redact --input IN.jsonl --output OUT.jsonl [--policy FILE.json] [--include-placeholders]</summary>
internal static class RedactCommand
{
    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "JSONL input, one {\"id\": ..., \"text\": ...} per line.", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL output: id, transformed text, blocked, reason, per-entity actions.", Required = true };
        var policy = DetectCommand.Policy();
        var model = PiiModelOption.Create();
        var includePlaceholders = new Option<bool>("--include-placeholders")
        {
            Description = "Also write each text's placeholder map (it holds the original values: keep the file as secret as the input).",
        };
        var command = new Command("redact", "Apply a policy (allow, redact, mask, hash, encrypt, block) to each text.") { input, output, policy, includePlaceholders, model };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, () =>
        {
            var document = parseResult.GetValue(policy) is { } path ? PolicyDocument.Load(path) : null;
            var tagger = PiiModelOption.Resolve(parseResult, model);
            var applier = document?.ToApplier(tagger: tagger) ?? new PolicyApplier(PiiPolicy.Default, PersonalDataDetector.Create([], tagger: tagger));
            var withPlaceholders = parseResult.GetValue(includePlaceholders);
            var blocked = 0;
            var count = JsonlTexts.Process(parseResult.GetRequiredValue(input), parseResult.GetRequiredValue(output), line =>
            {
                var result = applier.Apply(line.Text);
                if (result.Blocked)
                    Interlocked.Increment(ref blocked);
                var entities = new JsonArray();
                foreach (var e in result.Entities)
                    entities.Add(new JsonObject
                    {
                        ["type"] = e.Type, ["start"] = e.Start, ["end"] = e.End, ["score"] = e.Score,
                        ["action"] = e.Action.ToString().ToLowerInvariant(), ["replacement"] = e.Replacement,
                    });
                var obj = new JsonObject
                {
                    ["id"] = line.Id, ["text"] = result.Text, ["blocked"] = result.Blocked, ["reason"] = result.Reason, ["entities"] = entities,
                };
                if (withPlaceholders)
                    obj["placeholders"] = new JsonObject(result.Placeholders.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
                return obj;
            }, cancellationToken);
            parseResult.InvocationConfiguration.Output.WriteLine($"applied the policy to {count} texts ({blocked} blocked) -> {parseResult.GetRequiredValue(output)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
