using System.Diagnostics;
using MassTransit;
using SpecialistPlatform.Compliance.Detection.Policies;
using SpecialistPlatform.ComplianceChecker.Moderation;
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
/// outside gets only the transformed text. A blocked type stops that job with the reason. Then the moderation model
/// scores the job's text and the same policy's moderation actions apply (docs/decisions/0025): block stops the job,
/// review holds it for a person and away from any frontier model. Each half writes its own audit record, naming entity
/// types, counts, categories and scores, never the text.</summary>
public sealed class CheckComplianceActivity(CompliancePolicies policies, ModerationCheck moderation) : IExecuteActivity<CheckCompliance>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<CheckCompliance> context)
    {
        // What the whole batch depends on is fetched first: at a first start this waits for the model to load.
        var serving = await moderation.ServingAsync();
        return context.PassOn(JobSteps.Run(context.Arguments.Jobs, ResourceNames.Steps.Compliance, job => Moderate(Check(job), serving)));
    }

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

    private BatchedJob Moderate(BatchedJob job, ServingModerationModels? serving)
    {
        if (job.FailureReason is not null)
        {
            return job;
        }

        var record = new RecordAudit
        {
            JobId = job.JobId,
            TenantId = job.TenantId,
            Step = ResourceNames.Steps.Moderation,
            Service = ResourceNames.Services.ComplianceChecker,
            InputSha256 = JobIntake.Sha256(job.Text),
            Decision = "not-checked",
        };
        if (serving is null)
        {
            // Configured off: the trail says so for every job, rather than staying silent.
            return job.Recorded(record with { Detail = "moderation is off (Moderation:Model=none)" });
        }

        var stopwatch = Stopwatch.StartNew();
        var verdict = moderation.Check(serving, job.JobId, job.Text, policies.ModerationFor(job.TenantId, job.Kind));
        var result = verdict.Result;
        record = record with
        {
            Model = $"{ModerationModelHost.ModelTask}/{verdict.DecidedBy.Name}",
            ModelVersion = verdict.DecidedBy.Version,
            Decision = result.Action,
            Confidence = result.Scores.Values.Max(),
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Detail = "scores " + string.Join(",", result.Scores.Select(s => FormattableString.Invariant($"{s.Key}={s.Value:0.000}")))
                + (result.Flagged.Count == 0 ? "" : "; flagged " + verdict.FlaggedSummary),
        };
        job = job.Recorded(record) with { Moderation = result };
        return verdict.Action switch
        {
            ModerationAction.Block => job with { FailureReason = $"{ResourceNames.Steps.Moderation}: the tenant's policy blocks {verdict.FlaggedSummary}" },
            ModerationAction.Review => job with { ReviewReason = $"needs review: {ResourceNames.Steps.Moderation} flagged {verdict.FlaggedSummary}; the tenant's policy sends it to a person, never to a frontier model" },
            _ => job,
        };
    }
}
