using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using SpecialistPlatform.Jobs.Pipelines;

namespace SpecialistPlatform.Frontier;

public enum TaskKind
{
    Classify,
    Extract,
    Summarise,
}

/// <summary>
/// One question for the frontier: its prompt template (<see cref="FrontierPrompt"/>) with the task's own values, the JSON
/// schema its answer must follow, and the validation. The Kernel renders the template; nothing here builds prompt text.
/// </summary>
public sealed record FrontierTask
{
    /// <summary>The system message every task is sent with (<see cref="FrontierPrompts.System"/>).</summary>
    public static string SystemPrompt => FrontierPrompts.System.Template;

    private const string TextTag = "customer_text";

    /// <summary>
    /// The customer's text as data, between tags the system prompt names (docs/decisions/0025): an instruction hidden in
    /// the text stays inside them. A tag of the same name inside the text is defused (its '&lt;' becomes '‹'), so the
    /// text can neither close the block early nor open a second one.
    /// </summary>
    public static string DelimitedText(string text) =>
        $"<{TextTag}>\n{Regex.Replace(text, "<(\\s*/?\\s*" + TextTag + ")", "‹$1", RegexOptions.IgnoreCase)}\n</{TextTag}>";

    public required TaskKind Kind { get; init; }
    public required string Name { get; init; }

    /// <summary>The task's template; its variables are <see cref="Values"/> plus <c>system</c> and <c>customer_text</c>.</summary>
    public required FrontierPrompt Prompt { get; init; }

    /// <summary>The task's own template values (labels, kind, fields), text only.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>The system message's template: <see cref="FrontierPrompts.System"/> unless a task is given another.</summary>
    public FrontierPrompt Instructions { get; init; } = FrontierPrompts.System;

    public required JsonElement Schema { get; init; }
    public required Func<JsonObject, AnswerProblem?> Check { get; init; }

    /// <summary>The templates a call of this task renders, as the audit trail names them, e.g. <c>system.v1+classify.v1</c>.</summary>
    public string PromptIds => $"{Instructions.Id}+{Prompt.Id}";

    /// <summary>
    /// The template variables for one text: the task's values, the system message and the customer's text, delimited as
    /// data. Characters XML forbids (control characters) are dropped from the text: the Kernel reads the rendered prompt's
    /// messages as XML, and one such character would make it send the whole prompt as a single user message instead.
    /// </summary>
    public Dictionary<string, object?> Variables(string redactedText)
    {
        var variables = Values.ToDictionary(v => v.Key, v => (object?)v.Value);
        variables["system"] = Instructions.Template;
        variables["customer_text"] = DelimitedText(XmlSafe(redactedText));
        return variables;
    }

    /// <summary>Every value a call renders, with the templates themselves: what <see cref="FrontierChain.WorstCaseCost"/>
    /// counts, since a rendered prompt is never longer than its template and values together.</summary>
    public IEnumerable<string> RenderedParts(string redactedText) =>
        [Prompt.Template, .. Variables(redactedText).Values.OfType<string>()];

    public (JsonObject? Answer, AnswerProblem? Problem) Validate(string text)
    {
        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, new AnswerProblem("not JSON", $"it is not JSON ({e.Message})"));
        }

        if (answer is null)
        {
            return (null, new AnswerProblem("not a JSON object", "it is not a JSON object"));
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
            Prompt = FrontierPrompts.Classify,
            Values = new Dictionary<string, string> { ["kind"] = kind, ["labels"] = string.Join(", ", labels) },
            Schema = JsonSerializer.SerializeToElement(schema),
            Check = answer => answer["label"] is JsonValue value && value.TryGetValue<string>(out var label) && set.Contains(label)
                ? null
                : new AnswerProblem("a label outside the given set",
                    $"\"label\" must be one of the {labels.Count} given labels, got {answer["label"]?.ToJsonString() ?? "nothing"}"),
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
            Prompt = FrontierPrompts.Extract,
            Values = new Dictionary<string, string>
            {
                ["schema_name"] = schemaName,
                ["fields"] = string.Join(", ", schema.Fields.Select(f => $"{f.Name} ({f.Type}{(f.Required ? ", required" : "")})")),
            },
            Schema = JsonSerializer.SerializeToElement(json),
            Check = answer =>
            {
                var unknown = answer.Select(p => p.Key).Where(k => !names.Contains(k)).ToList();
                if (unknown.Count > 0)
                {
                    return new AnswerProblem($"{unknown.Count} field(s) not in the schema",
                        $"unknown field(s) {string.Join(", ", unknown)}; the schema has {string.Join(", ", names)}");
                }

                var wrongType = answer.Where(p => p.Value is not null && p.Value.GetValueKind() != JsonValueKind.String).Select(p => p.Key).ToList();
                if (wrongType.Count > 0)
                {
                    return new AnswerProblem($"field(s) {string.Join(", ", wrongType)} not strings or null",
                        $"field(s) {string.Join(", ", wrongType)} must be strings or null");
                }

                var missing = schema.Fields.Where(f => f.Required && string.IsNullOrWhiteSpace(answer[f.Name]?.GetValue<string>())).Select(f => f.Name).ToList();
                return missing.Count == 0 ? null : new AnswerProblem($"required field(s) {string.Join(", ", missing)} missing",
                    $"required field(s) {string.Join(", ", missing)} are missing");
            },
        };
    }

    public static FrontierTask Summarise(string kind) => new()
    {
        Kind = TaskKind.Summarise,
        Name = "summary",
        Prompt = FrontierPrompts.Summarise,
        Values = new Dictionary<string, string> { ["kind"] = kind },
        Schema = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["summary"] = new JsonObject { ["type"] = "string" } },
            ["required"] = new JsonArray("summary"),
            ["additionalProperties"] = false,
        }),
        Check = answer => answer["summary"] is JsonValue ? null : new AnswerProblem("no summary string", "\"summary\" must be a string"),
    };

    private static string XmlSafe(string text)
    {
        if (!text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }

        return safe.ToString();
    }
}
