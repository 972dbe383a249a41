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
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.IntentClassifier.Activities;

/// <summary>Routes a job: the intent, its calibrated confidence, and whether it is out of scope. Unsure or out of
/// scope (by the job kind's settings) adds escalation to the job's itinerary.</summary>
public sealed class ClassifyIntentActivity(
    IntentModelHost models, ShadowAgreement shadowAgreement, IOptions<PipelineOptions> pipelines, IOptions<IntentClassifierOptions> options) : IExecuteActivity<ClassifyIntent>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<ClassifyIntent> context)
    {
        var arguments = context.Arguments;
        var stopwatch = Stopwatch.StartNew();
        var serving = await models.CurrentAsync();
        var (loaded, compared) = serving.For(arguments.JobId, options.Value.CanaryShare);
        var prediction = loaded.Model.Predict(arguments.Text);
        if (compared is not null)
        {
            var other = compared.Model.Predict(arguments.Text).Label;
            var (active, shadow) = loaded == serving.Active ? (prediction.Label, other) : (other, prediction.Label);
            shadowAgreement.Record(serving.Active, serving.Shadow!, active, shadow);
        }

        var result = new IntentResult(prediction.Label, Math.Round(prediction.Confidence, 4), loaded.Version, prediction.OutOfScope);
        stopwatch.Stop();

        var kind = pipelines.Value.Kinds[arguments.Kind];
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
            JobId = arguments.JobId,
            TenantId = arguments.TenantId,
            Step = ResourceNames.Steps.Intent,
            Service = ResourceNames.Services.IntentClassifier,
            Model = loaded.Name,
            ModelVersion = loaded.Version,
            InputSha256 = JobIntake.Sha256(arguments.Text),
            Decision = prediction.Label,
            Confidence = result.Confidence,
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Detail = escalate,
        };
        var labels = loaded.Model.Labels.Where(l => l != loaded.Model.OosLabel).ToList();
        if (escalate is null && pipelines.Value.IsFrontierShadowed(arguments.JobId, arguments.TenantId, arguments.Kind))
        {
            // Handled here, but chosen for shadow comparison: the workflow sends it to the frontier after the job is done.
            return context.CompletedWithVariables(new Dictionary<string, object>
            {
                ["Intent"] = result,
                [StepResults.IntentLabelsVariable] = labels,
                [StepResults.FrontierShadowVariable] = true,
                [StepResults.AuditVariable(audit)] = audit,
            });
        }

        return StepResults.Complete(context, "Intent", result, audit, context.GetVariable<List<string>>(StepResults.EscalationReasonsVariable) ?? [], escalate,
            new Dictionary<string, object> { [StepResults.IntentLabelsVariable] = labels });
    }
}
