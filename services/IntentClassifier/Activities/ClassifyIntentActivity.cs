using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.IntentClassifier.Models;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.IntentClassifier.Activities;

/// <summary>Routes each job of the batch: the intent, its calibrated confidence, and whether it is out of scope. Unsure
/// or out of scope (by the job kind's settings) gives the job a reason to go to the frontier.</summary>
public sealed class ClassifyIntentActivity(
    IntentModelHost models, ShadowAgreement shadowAgreement, IOptions<PipelineOptions> pipelines, IOptions<IntentClassifierOptions> options) : IExecuteActivity<ClassifyIntent>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<ClassifyIntent> context)
    {
        // One snapshot for the whole batch: a model swap in the middle neither splits nor repeats it.
        var serving = await models.CurrentAsync();
        return context.PassOn(JobSteps.Run(context.Arguments.Jobs, ResourceNames.Steps.Intent, job => Classify(job, serving)));
    }

    private BatchedJob Classify(BatchedJob job, ServingIntentModels serving)
    {
        var stopwatch = Stopwatch.StartNew();
        var (loaded, compared) = serving.For(job.JobId, options.Value.CanaryShare);
        var prediction = loaded.Model.Predict(job.Text);
        if (compared is not null)
        {
            var other = compared.Model.Predict(job.Text).Label;
            var (active, shadow) = loaded == serving.Active ? (prediction.Label, other) : (other, prediction.Label);
            shadowAgreement.Record(serving.Active.RegistryId, serving.Shadow!.RegistryId, active, shadow);
        }

        var result = new IntentResult(prediction.Label, Math.Round(prediction.Confidence, 4), loaded.Version, prediction.OutOfScope);
        stopwatch.Stop();

        var kind = pipelines.Value.Kinds[job.Kind];
        string? escalate = null;
        if (prediction.OutOfScope && kind.EscalateOutOfScope)
        {
            escalate = $"intent: out of scope (best in-scope guess '{prediction.TopLabel}', {prediction.TopProbability:0.00})";
        }
        else if (prediction.Confidence < (loaded.EscalationThreshold ?? kind.EscalateBelowConfidence))
        {
            // A threshold calibrated for this model version (specialist calibrate) beats the job kind's default.
            escalate = string.Create(CultureInfo.InvariantCulture,
                $"intent: confidence {prediction.Confidence:0.00} for '{prediction.Label}' is below {loaded.EscalationThreshold ?? kind.EscalateBelowConfidence:0.00}");
        }

        var audit = new RecordAudit
        {
            JobId = job.JobId,
            TenantId = job.TenantId,
            Step = ResourceNames.Steps.Intent,
            Service = ResourceNames.Services.IntentClassifier,
            Model = loaded.Name,
            ModelVersion = loaded.Version,
            InputSha256 = JobIntake.Sha256(job.Text),
            Decision = prediction.Label,
            Confidence = result.Confidence,
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Detail = escalate,
        };

        // Chosen for shadow comparison: after the job is done the workflow sends it to the frontier, or, when it was
        // escalated, records the escalation's own answer (so the unsure jobs are measured too).
        var shadowed = pipelines.Value.IsFrontierShadowed(job.JobId, job.TenantId, job.Kind);
        return job.Recorded(audit).EscalatingBecause(escalate) with
        {
            Intent = result,
            FrontierShadow = shadowed,
            // The frontier must answer with one of the router's labels, whether it decides the job or is compared with it.
            IntentLabels = escalate is not null || shadowed ? [.. loaded.Model.Labels.Where(l => l != loaded.Model.OosLabel)] : null,
        };
    }
}
