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

/// <summary>Pulls the fields of each job's schema (the kind's own, or the routed intent's) with typed, normalised
/// values; a missing or doubtful required field gives the job a reason to go to the frontier.</summary>
public sealed class ExtractFieldsActivity(IOptions<PipelineOptions> pipelines, SpanModelHost spanModels, TimeProvider clock) : IExecuteActivity<ExtractFields>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<ExtractFields> context)
    {
        var options = pipelines.Value;
        // Which schema each job needs is the job's own matter (a kind without one fails alone); the span models those
        // schemas name are the batch's, loaded first so that a model that cannot be had retries the batch.
        var schemas = JobSteps.Run(context.Arguments.Jobs, ResourceNames.Steps.Extraction, job => job with { Schema = SchemaOf(job, options) });
        var spanModelsNeeded = new Dictionary<string, LoadedSpanModel>(StringComparer.Ordinal);
        foreach (var name in schemas.Where(job => job.FailureReason is null).Select(job => options.Schemas[job.Schema!].Model).OfType<string>().Distinct())
        {
            spanModelsNeeded[name] = await spanModels.GetAsync(name, context.CancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return context.PassOn(JobSteps.Run(schemas, ResourceNames.Steps.Extraction, job => Extract(job, options, spanModelsNeeded, now)));
    }

    private static string SchemaOf(BatchedJob job, PipelineOptions options) =>
        job.Schema ?? options.SchemaFor(options.Kinds[job.Kind], job.Intent?.Label)
        ?? throw new InvalidOperationException($"No extraction schema is configured for kind '{job.Kind}' (Pipelines:IntentSchemas:*).");

    private static BatchedJob Extract(BatchedJob job, PipelineOptions options, Dictionary<string, LoadedSpanModel> spanModels, DateTime now)
    {
        var stopwatch = Stopwatch.StartNew();
        var schemaName = job.Schema!;
        var schema = options.Schemas[schemaName];
        var spanModel = schema.Model is { } modelName ? spanModels[modelName] : null;
        var spans = spanModel?.Tagger.Predict(job.Text);
        var result = FieldExtractor.Extract(schemaName, schema, job.Text, now, spans);
        var escalate = FieldExtractor.EscalationReason(schema, result, spanModel?.EscalationThreshold ?? FieldExtractor.DefaultUncertainBelow);
        stopwatch.Stop();

        var audit = new RecordAudit
        {
            JobId = job.JobId,
            TenantId = job.TenantId,
            Step = ResourceNames.Steps.Extraction,
            Service = ResourceNames.Services.Extraction,
            Model = spanModel is null ? $"rules:{schemaName}" : $"{spanModel.Name}+rules:{schemaName}",
            ModelVersion = spanModel?.Version ?? "1",
            InputSha256 = JobIntake.Sha256(job.Text),
            Decision = $"{result.Fields.Count} field(s)" + (result.MissingRequired.Count > 0 ? $", missing {string.Join(",", result.MissingRequired)}" : ""),
            Confidence = result.Fields.Count == 0 ? null : result.Fields.Min(f => f.Confidence),
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Detail = escalate,
        };
        return job.Recorded(audit).EscalatingBecause(escalate) with { Extraction = result };
    }
}
