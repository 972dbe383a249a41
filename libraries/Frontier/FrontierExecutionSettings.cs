using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace SpecialistPlatform.Frontier;

/// <summary>
/// How one task is asked of one model of the chain: which of the Kernel's chat clients (<see cref="PromptExecutionSettings.ServiceId"/>),
/// temperature 0, the answer's token limit and the task's JSON schema as the response format (strict, so an
/// OpenAI-compatible server constrains its output to it). Semantic Kernel's own mapping of settings to chat options takes
/// a JSON schema without its name, so the chat options are completed here, where the schema's name is known.
/// </summary>
public sealed class FrontierExecutionSettings : PromptExecutionSettings
{
    /// <summary>The schema the answer must follow; the personal-data filter reads it too, since it is sent with the prompt.</summary>
    // Not 'required': Semantic Kernel serializes settings of a derived type, and System.Text.Json refuses a required
    // property it may not write.
    [JsonIgnore]
    public JsonElement Schema { get; init; }

    [JsonIgnore]
    public string SchemaName { get; init; } = "answer";

    [JsonIgnore]
    public int MaxOutputTokens { get; init; }

    protected override void PrepareChatOptionsForRequest(ChatOptions options)
    {
        options.Temperature = 0;
        options.MaxOutputTokens = MaxOutputTokens;
        options.ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, SchemaName);
        (options.AdditionalProperties ??= [])["strict"] = true;
    }
}
