using System.Diagnostics;
using MassTransit;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.ComplianceChecker.Activities;

/// <summary>Finds personal data and redacts it; every later step that sends text outside gets only the redacted
/// text. The audit record names the entity types and counts, never the values.</summary>
public sealed class CheckComplianceActivity(PersonalDataDetector detector, Redactor redactor) : IExecuteActivity<CheckCompliance>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<CheckCompliance> context)
    {
        var arguments = context.Arguments;
        var stopwatch = Stopwatch.StartNew();
        var findings = detector.Detect(arguments.Text);
        var redaction = redactor.Redact(arguments.Text, findings);
        var result = new ComplianceResult(
            [.. findings.Select(f => new DetectedEntity(f.Type, f.Start, f.End, f.Score))],
            findings.Count == 0 ? "none" : "redact",
            redaction.Text);
        stopwatch.Stop();

        await context.AuditAsync(new RecordAudit
        {
            JobId = arguments.JobId,
            TenantId = arguments.TenantId,
            Step = ResourceNames.Steps.Compliance,
            Service = ResourceNames.Services.ComplianceChecker,
            Model = "recognizers",
            ModelVersion = "1",
            InputSha256 = JobIntake.Sha256(arguments.Text),
            Decision = result.Action,
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Redacted = findings.Count == 0 ? null : string.Join(",", findings.GroupBy(f => f.Type).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}")),
        });
        // The placeholder map travels with the job (as its original text already does) so that the escalation step can
        // put original values back into the frontier's answer locally; it is not part of the job's stored result.
        return context.CompletedWithVariables(new Dictionary<string, object>
        {
            ["Compliance"] = result,
            ["Placeholders"] = redaction.Placeholders,
        });
    }
}
