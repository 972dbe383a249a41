using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Pipelines;

namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>The escalation's result and, when text left the building, what exactly was sent, for the audit trail.</summary>
public sealed record EscalationOutcome(EscalationResult Result, string? SentOutside);

/// <summary>
/// Turns an unsure job into validated frontier tasks. When the router was unsure it asks for a label from the router's
/// own label set; when extraction was incomplete it asks for the schema's fields as JSON valid against a JSON schema.
/// Each answer is validated; an invalid one gets exactly one retry with the validation error fed back, then the job goes
/// to NeedsReview. Only the compliance step's redacted text is ever sent; placeholders in the answer are restored here.
/// </summary>
public sealed class Escalator(FrontierChain frontier, SpendLedger ledger, IOptions<FrontierOptions> options, IOptions<PipelineOptions> pipelines)
{
    private const string SystemPrompt =
        "You assist an enterprise support pipeline whose local specialist models were unsure. Personal data in the text " +
        "has been replaced by placeholders such as <PERSON_1> or <EMAIL_ADDRESS_1>; copy placeholders exactly as they are " +
        "and never guess what they stand for. Answer only with JSON matching the requested schema.";

    public async Task<EscalationOutcome> EscalateAsync(Escalate job, CancellationToken cancellationToken)
    {
        var why = string.Join("; ", job.EscalationReasons);
        if (!frontier.IsConfigured)
        {
            return Review($"no frontier model is configured (Frontier:Models); escalated because {why}");
        }

        var redacted = job.Compliance.RedactedText;
        var tasks = Tasks(job).ToList();
        var worstCase = tasks.Count * WorstCaseCost(redacted);
        var allowed = await ledger.CheckAsync(job.TenantId, worstCase);
        if (!allowed.Allowed)
        {
            return Review($"{allowed.Reason}; escalated because {why}");
        }

        string? label = null;
        IReadOnlyDictionary<string, string?>? fields = null;
        var answers = new List<string>();
        var models = new List<string>();
        decimal cost = 0;
        long inputTokens = 0, outputTokens = 0;
        try
        {
            foreach (var task in tasks)
            {
                var (answer, problem, calls) = await AskValidatedAsync(task, redacted, cancellationToken);
                foreach (var call in calls)
                {
                    cost += call.Cost;
                    inputTokens += call.InputTokens;
                    outputTokens += call.OutputTokens;
                    models.Add(call.Model.ToString());
                    await ledger.AddAsync(job.TenantId, call.Cost);
                }

                if (problem is not null)
                {
                    return new EscalationOutcome(
                        new EscalationResult(false, $"needs review: the frontier's {task.Name} answer was invalid twice ({problem}); escalated because {why}",
                            models.LastOrDefault(), cost, null, null, null, inputTokens, outputTokens),
                        SentOutside(models, redacted, inputTokens, outputTokens));
                }

                answers.Add(answer!.ToJsonString());
                label ??= task.Kind == TaskKind.Classify ? answer!["label"]!.GetValue<string>() : null;
                fields ??= task.Kind == TaskKind.Extract ? RestoredFields(answer!, job.Placeholders) : null;
            }
        }
        catch (FrontierUnavailableException e)
        {
            return new EscalationOutcome(
                new EscalationResult(false, $"needs review: {e.Message}; escalated because {why}", null, cost, null, null, null, inputTokens, outputTokens),
                models.Count == 0 ? null : SentOutside(models, redacted, inputTokens, outputTokens));
        }

        var model = string.Join(",", models.Distinct());
        return new EscalationOutcome(
            new EscalationResult(true, why, model, cost, string.Join("\n", answers), label, fields, inputTokens, outputTokens),
            SentOutside(models, redacted, inputTokens, outputTokens));
    }

    private static EscalationOutcome Review(string reason) =>
        new(new EscalationResult(false, "needs review: " + reason, null, 0, null), null);

    private IEnumerable<FrontierTask> Tasks(Escalate job)
    {
        if (job.IntentLabels is { Count: > 0 } labels)
        {
            yield return FrontierTask.Classify(labels, job.Kind);
        }

        if (job.Extraction is { } extraction && pipelines.Value.Schemas.TryGetValue(extraction.Schema, out var schema)
            && job.EscalationReasons.Any(r => r.StartsWith("extraction", StringComparison.Ordinal)))
        {
            yield return FrontierTask.Extract(extraction.Schema, schema);
        }

        if (job.IntentLabels is not { Count: > 0 } && job.Extraction is null)
        {
            yield return FrontierTask.Summarise(job.Kind);
        }
    }

    private async Task<(JsonObject? Answer, string? Problem, List<FrontierCall> Calls)> AskValidatedAsync(
        FrontierTask task, string redactedText, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, SystemPrompt),
            new(ChatRole.User, task.Prompt + "\n\nText:\n" + redactedText),
        };
        var chatOptions = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = options.Value.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(task.Schema, task.Name, task.Prompt),
        };
        var calls = new List<FrontierCall>();
        string? problem = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var call = await frontier.AskAsync(messages, chatOptions, cancellationToken);
            calls.Add(call);
            (var answer, problem) = task.Validate(call.Text);
            if (problem is null)
            {
                return (answer, null, calls);
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, call.Text));
            messages.Add(new ChatMessage(ChatRole.User, $"That answer is not valid: {problem}. Answer again with JSON that fixes this."));
        }

        return (null, problem, calls);
    }

    private decimal WorstCaseCost(string redactedText)
    {
        var inputTokens = (redactedText.Length + SystemPrompt.Length + 2000) / 4;
        return frontier.Models.Max(m => m.CostOf(inputTokens, options.Value.MaxOutputTokens));
    }

    private static Dictionary<string, string?> RestoredFields(JsonObject answer, IReadOnlyDictionary<string, string>? placeholders) =>
        answer.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() is { } value
            ? placeholders is null ? value : Redactor.Restore(value, placeholders)
            : null);

    private static string SentOutside(List<string> models, string redactedText, long inputTokens, long outputTokens) =>
        $"model={string.Join(",", models.Distinct())}; calls={models.Count}; sha256={Jobs.Intake.JobIntake.Sha256(redactedText)}; " +
        $"bytes={Encoding.UTF8.GetByteCount(redactedText)}; tokens={inputTokens}+{outputTokens}";
}

internal enum TaskKind
{
    Classify,
    Extract,
    Summarise,
}

/// <summary>One question for the frontier: its prompt, the JSON schema its answer must follow, and the validation.</summary>
internal sealed class FrontierTask
{
    public required TaskKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Prompt { get; init; }
    public required JsonElement Schema { get; init; }
    public required Func<JsonObject, string?> Check { get; init; }

    public (JsonObject? Answer, string? Problem) Validate(string text)
    {
        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, $"it is not JSON ({e.Message})");
        }

        if (answer is null)
        {
            return (null, "it is not a JSON object");
        }

        var problem = Check(answer);
        return problem is null ? (answer, null) : (null, problem);
    }

    public static FrontierTask Classify(IReadOnlyList<string> labels, string kind)
    {
        var set = new HashSet<string>(labels, StringComparer.Ordinal);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["label"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]) } },
            ["required"] = new JsonArray("label"),
            ["additionalProperties"] = false,
        };
        return new FrontierTask
        {
            Kind = TaskKind.Classify,
            Name = "classification",
            Prompt = $"Classify this {kind} into exactly one of these labels: {string.Join(", ", labels)}. Answer as {{\"label\": \"...\"}}.",
            Schema = JsonSerializer.SerializeToElement(schema),
            Check = answer => answer["label"] is JsonValue value && value.TryGetValue<string>(out var label) && set.Contains(label)
                ? null
                : $"\"label\" must be one of the {labels.Count} given labels, got {answer["label"]?.ToJsonString() ?? "nothing"}",
        };
    }

    public static FrontierTask Extract(string schemaName, SchemaOptions schema)
    {
        var properties = new JsonObject();
        foreach (var field in schema.Fields)
        {
            properties[field.Name] = new JsonObject
            {
                ["type"] = new JsonArray("string", "null"),
                ["description"] = $"{field.Type}{(field.Required ? ", required" : ", null when absent")}, copied from the text",
            };
        }

        var json = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. schema.Fields.Select(f => (JsonNode)f.Name)]),
            ["additionalProperties"] = false,
        };
        var names = schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return new FrontierTask
        {
            Kind = TaskKind.Extract,
            Name = "extraction",
            Prompt = $"Extract the fields of the '{schemaName}' schema from this text: " +
                     string.Join(", ", schema.Fields.Select(f => $"{f.Name} ({f.Type}{(f.Required ? ", required" : "")})")) +
                     ". Use null for a field the text does not contain.",
            Schema = JsonSerializer.SerializeToElement(json),
            Check = answer =>
            {
                var unknown = answer.Select(p => p.Key).Where(k => !names.Contains(k)).ToList();
                if (unknown.Count > 0)
                {
                    return $"unknown field(s) {string.Join(", ", unknown)}; the schema has {string.Join(", ", names)}";
                }

                var wrongType = answer.Where(p => p.Value is not null && p.Value.GetValueKind() != JsonValueKind.String).Select(p => p.Key).ToList();
                if (wrongType.Count > 0)
                {
                    return $"field(s) {string.Join(", ", wrongType)} must be strings or null";
                }

                var missing = schema.Fields.Where(f => f.Required && string.IsNullOrWhiteSpace(answer[f.Name]?.GetValue<string>())).Select(f => f.Name).ToList();
                return missing.Count == 0 ? null : $"required field(s) {string.Join(", ", missing)} are missing";
            },
        };
    }

    public static FrontierTask Summarise(string kind) => new()
    {
        Kind = TaskKind.Summarise,
        Name = "summary",
        Prompt = $"Say what this {kind} is about and what the sender needs, as {{\"summary\": \"...\"}}.",
        Schema = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["summary"] = new JsonObject { ["type"] = "string" } },
            ["required"] = new JsonArray("summary"),
            ["additionalProperties"] = false,
        }),
        Check = answer => answer["summary"] is JsonValue ? null : "\"summary\" must be a string",
    };
}
