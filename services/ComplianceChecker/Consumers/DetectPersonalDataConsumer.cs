using MassTransit;
using Microsoft.Extensions.Options;
using SpecialistPlatform.ComplianceChecker.Policies;
using SpecialistPlatform.Contracts.Compliance;

namespace SpecialistPlatform.ComplianceChecker.Consumers;

/// <summary>
/// Batch detection for the gateway's personal-data API: the same detectors and tenant policies as the job step,
/// many texts per request, on all cores. The gateway has already checked the limits; an oversized batch that gets
/// here anyway is refused rather than processed.
/// </summary>
public sealed class DetectPersonalDataConsumer(CompliancePolicies policies, IOptions<ComplianceOptions> options) : IConsumer<DetectPersonalData>
{
    public async Task Consume(ConsumeContext<DetectPersonalData> context)
    {
        var request = context.Message;
        if (request.Texts.Count > options.Value.MaxBatchTexts)
        {
            throw new ArgumentException($"A batch may hold at most {options.Value.MaxBatchTexts} texts; this one has {request.Texts.Count}.");
        }
        var applier = policies.For(request.TenantId, request.Kind);
        var results = new PersonalDataResult[request.Texts.Count];
        Parallel.For(0, request.Texts.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var text = request.Texts[i];
            if (!request.ApplyPolicy)
            {
                results[i] = new PersonalDataResult
                {
                    Entities = [.. applier.Detector.Detect(text).Select(f => new PersonalDataEntity(f.Type, f.Start, f.End, f.Score, f.ValueIn(text)))],
                };
                return;
            }
            var applied = applier.Apply(text);
            results[i] = new PersonalDataResult
            {
                Entities = [.. applied.Entities.Select(e => new PersonalDataEntity(e.Type, e.Start, e.End, e.Score, text[e.Start..e.End])
                {
                    Action = e.Action.ToString().ToLowerInvariant(),
                    Replacement = e.Replacement,
                })],
                Text = applied.Text,
                Blocked = applied.Blocked,
                Reason = applied.Reason,
                Placeholders = request.IncludePlaceholders ? applied.Placeholders : null,
            };
        });
        await context.RespondAsync(new PersonalDataDetected { CorrelationId = request.CorrelationId, Results = results });
    }
}
