using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Extraction.Fields;
using SpecialistPlatform.Extraction.Models;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Extraction.Activities;

/// <summary>Pulls the fields of the job's schema (the kind's own, or the routed intent's) with typed, normalised
/// values; a missing or doubtful required field adds escalation to the job's itinerary.</summary>
public sealed class ExtractFieldsActivity(IOptions<PipelineOptions> pipelines, SpanModelHost spanModels, TimeProvider clock) : IExecuteActivity<ExtractFields>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<ExtractFields> context)
    {
        var arguments = context.Arguments;
        var stopwatch = Stopwatch.StartNew();
        var options = pipelines.Value;
        var schemaName = arguments.Schema ?? options.SchemaFor(options.Kinds[arguments.Kind], arguments.Intent?.Label)
            ?? throw new InvalidOperationException($"No extraction schema is configured for kind '{arguments.Kind}' (Pipelines:IntentSchemas:*).");
        var schema = options.Schemas[schemaName];
        var spanModel = schema.Model is { } modelName ? await spanModels.GetAsync(modelName, context.CancellationToken) : null;
        var spans = spanModel?.Tagger.Predict(arguments.Text);
        var result = FieldExtractor.Extract(schemaName, schema, arguments.Text, clock.GetUtcNow().UtcDateTime, spans);
        var escalate = FieldExtractor.EscalationReason(schema, result, spanModel?.EscalationThreshold ?? FieldExtractor.DefaultUncertainBelow);
        stopwatch.Stop();

        var audit = new RecordAudit
        {
            JobId = arguments.JobId,
            TenantId = arguments.TenantId,
            Step = ResourceNames.Steps.Extraction,
            Service = ResourceNames.Services.Extraction,
            Model = spanModel is null ? $"rules:{schemaName}" : $"{spanModel.Name}+rules:{schemaName}",
            ModelVersion = spanModel?.Version ?? "1",
            InputSha256 = JobIntake.Sha256(arguments.Text),
            Decision = $"{result.Fields.Count} field(s)" + (result.MissingRequired.Count > 0 ? $", missing {string.Join(",", result.MissingRequired)}" : ""),
            Confidence = result.Fields.Count == 0 ? null : result.Fields.Min(f => f.Confidence),
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Detail = escalate,
        };
        return StepResults.Complete(context, "Extraction", result, audit, context.GetVariable<List<string>>(StepResults.EscalationReasonsVariable) ?? [], escalate);
    }
}
