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
/// addresses) and applies the tenant's policy for the job's kind; every later step that sends text
/// outside gets only the transformed text. A blocked type stops the job with the reason. The audit record names the
/// entity types and counts, never the values.</summary>
public sealed class CheckComplianceActivity(CompliancePolicies policies) : IExecuteActivity<CheckCompliance>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<CheckCompliance> context)
    {
        var arguments = context.Arguments;
        var stopwatch = Stopwatch.StartNew();
        var applied = policies.For(arguments.TenantId, arguments.Kind).Apply(arguments.Text);
        var actions = applied.Entities.Select(e => e.Action.ToString().ToLowerInvariant()).Distinct().Order().ToList();
        var result = new ComplianceResult(
            [.. applied.Entities.Select(e => new DetectedEntity(e.Type, e.Start, e.End, e.Score))],
            applied.Blocked ? "block" : actions.Count == 0 ? "none" : string.Join(",", actions),
            applied.Text);
        stopwatch.Stop();

        var audit = new RecordAudit
        {
            JobId = arguments.JobId,
            TenantId = arguments.TenantId,
            Step = ResourceNames.Steps.Compliance,
            Service = ResourceNames.Services.ComplianceChecker,
            Model = policies.ModelName.Model,
            ModelVersion = policies.ModelName.Version,
            InputSha256 = JobIntake.Sha256(arguments.Text),
            Decision = result.Action,
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Redacted = applied.Entities.Count == 0 ? null
                : string.Join(",", applied.Entities.GroupBy(e => e.Type).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}")),
            Detail = applied.Reason,
        };

        if (applied.Blocked)
        {
            // Faulted, not thrown: the policy's answer is final, so the job fails at once with the reason instead of
            // being retried. A faulted step cannot add variables, so its record goes to the audit trail now.
            await context.AuditAsync(audit);
            return context.Faulted(new ComplianceBlockedException(applied.Reason!));
        }

        // The placeholder map travels with the job (as its original text already does) so that the escalation step can
        // put original values back into the frontier's answer locally; it is not part of the job's stored result.
        return context.CompletedWithVariables(new Dictionary<string, object>
        {
            ["Compliance"] = result,
            ["Placeholders"] = applied.Placeholders,
            [StepResults.AuditVariable(audit)] = audit,
        });
    }
}

/// <summary>The tenant's policy blocks a type of personal data the text contains.</summary>
public sealed class ComplianceBlockedException(string reason) : Exception(reason);
