using System.Diagnostics;
using MassTransit;
using SpecialistPlatform.ComplianceChecker.Policies;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.ComplianceChecker.Activities;

/// <summary>Finds personal data (the rules plus the learned entity tagger for names, places, organisations and street
/// addresses) in each job of the batch and applies its tenant's policy for its kind; every later step that sends text
/// outside gets only the transformed text. A blocked type stops that job with the reason. The audit record names the
/// entity types and counts, never the values.</summary>
public sealed class CheckComplianceActivity(CompliancePolicies policies) : IExecuteActivity<CheckCompliance>
{
    public Task<ExecutionResult> Execute(ExecuteContext<CheckCompliance> context) =>
        Task.FromResult(context.PassOn(JobSteps.Run(context.Arguments.Jobs, ResourceNames.Steps.Compliance, Check)));

    private BatchedJob Check(BatchedJob job)
    {
        var stopwatch = Stopwatch.StartNew();
        var applied = policies.For(job.TenantId, job.Kind).Apply(job.Text);
        var actions = applied.Entities.Select(e => e.Action.ToString().ToLowerInvariant()).Distinct().Order().ToList();
        var result = new ComplianceResult(
            [.. applied.Entities.Select(e => new DetectedEntity(e.Type, e.Start, e.End, e.Score))],
            applied.Blocked ? "block" : actions.Count == 0 ? "none" : string.Join(",", actions),
            applied.Text);
        stopwatch.Stop();

        var audit = new RecordAudit
        {
            JobId = job.JobId,
            TenantId = job.TenantId,
            Step = ResourceNames.Steps.Compliance,
            Service = ResourceNames.Services.ComplianceChecker,
            Model = policies.ModelName.Model,
            ModelVersion = policies.ModelName.Version,
            InputSha256 = JobIntake.Sha256(job.Text),
            Decision = result.Action,
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Redacted = applied.Entities.Count == 0 ? null
                : string.Join(",", applied.Entities.GroupBy(e => e.Type).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}")),
            Detail = applied.Reason,
        };

        // A block is the policy's final answer: the job stops here, with the reason, and is not retried. Nothing of it
        // goes further (its result is not kept), and its record is written with its failure.
        return applied.Blocked
            ? job.Recorded(audit) with { FailureReason = $"{ResourceNames.Steps.Compliance}: {applied.Reason}" }
            : job.Recorded(audit) with { Compliance = result, Placeholders = applied.Placeholders };
    }
}
