using System.Diagnostics;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.FrontierEscalation.Frontier;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.FrontierEscalation.Activities;

/// <summary>
/// The only door to a large model. It only ever sends the compliance step's redacted text, and it records what was
/// sent (hash and size), the model, the tokens and the cost. Without a configured frontier, or when the frontier
/// cannot answer, the job goes to NeedsReview with the reason instead of pretending.
/// </summary>
public sealed class EscalateActivity(
    ChatCompletionsClient frontier, IOptions<FrontierOptions> options, ILogger<EscalateActivity> logger) : IExecuteActivity<Escalate>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<Escalate> context)
    {
        var arguments = context.Arguments;
        var stopwatch = Stopwatch.StartNew();
        var why = string.Join("; ", arguments.EscalationReasons);
        var redacted = arguments.Compliance.RedactedText;
        EscalationResult result;
        string? sentOutside = null;
        if (!options.Value.IsConfigured)
        {
            result = new EscalationResult(false, $"needs review: no frontier model is configured (Frontier:Endpoint); escalated because {why}", null, 0, null);
        }
        else
        {
            try
            {
                var answer = await frontier.CompleteAsync(SystemPrompt, UserPrompt(arguments, redacted), context.CancellationToken);
                sentOutside = $"model={answer.Model}; sha256={JobIntake.Sha256(redacted)}; bytes={Encoding.UTF8.GetByteCount(redacted)}; " +
                              $"tokens={answer.InputTokens}+{answer.OutputTokens}";
                result = new EscalationResult(true, why, answer.Model, answer.Cost, answer.Content);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or System.Text.Json.JsonException
                                       or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
            {
                logger.LogWarning("Frontier call for job {JobId} failed: {Message}", arguments.JobId, e.Message);
                result = new EscalationResult(false, $"needs review: the frontier model did not answer ({e.Message}); escalated because {why}", options.Value.Model, 0, null);
            }
        }

        await context.AuditAsync(new RecordAudit
        {
            JobId = arguments.JobId,
            TenantId = arguments.TenantId,
            Step = ResourceNames.Steps.Escalation,
            Service = ResourceNames.Services.FrontierEscalation,
            Model = result.Model,
            InputSha256 = JobIntake.Sha256(redacted),
            Decision = result.Escalated ? "escalated" : "needs-review",
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Cost = result.Cost,
            SentOutside = sentOutside,
            Detail = result.Reason,
        });
        return context.CompletedWithVariables(new Dictionary<string, object> { ["Escalation"] = result });
    }

    private const string SystemPrompt =
        "You assist an enterprise support pipeline. The text has had personal data replaced by placeholders such as " +
        "<PERSON_1>; keep placeholders exactly as they are. Answer concisely.";

    private static string UserPrompt(Escalate arguments, string redactedText)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine($"Job kind: {arguments.Kind}. The local specialists were unsure: {string.Join("; ", arguments.EscalationReasons)}.");
        if (arguments.Intent is { } intent)
        {
            prompt.AppendLine($"The router's best guess was '{intent.Label}' with confidence {intent.Confidence:0.00}.");
        }

        prompt.AppendLine("Say what the text is about and what the customer needs.");
        prompt.AppendLine("Text:");
        prompt.Append(redactedText);
        return prompt.ToString();
    }
}
