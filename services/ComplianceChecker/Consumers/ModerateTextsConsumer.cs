using MassTransit;
using Microsoft.Extensions.Options;
using SpecialistPlatform.ComplianceChecker.Moderation;
using SpecialistPlatform.ComplianceChecker.Policies;
using SpecialistPlatform.Contracts.Compliance;
using SpecialistPlatform.Contracts.Jobs;

namespace SpecialistPlatform.ComplianceChecker.Consumers;

/// <summary>
/// Batch moderation for the gateway's moderation API: the same model and tenant policies as the job step, many texts
/// per request, on all cores. The gateway has already checked the limits; an oversized batch that gets here anyway is
/// refused rather than processed. With moderation off the request is refused with the reason, not answered with zeros.
/// </summary>
public sealed class ModerateTextsConsumer(ModerationCheck moderation, CompliancePolicies policies, IOptions<ComplianceOptions> options)
    : IConsumer<ModerateTexts>
{
    public async Task Consume(ConsumeContext<ModerateTexts> context)
    {
        var request = context.Message;
        if (request.Texts.Count > options.Value.MaxBatchTexts)
        {
            throw new ArgumentException($"A batch may hold at most {options.Value.MaxBatchTexts} texts; this one has {request.Texts.Count}.");
        }
        var serving = await moderation.ServingAsync()
            ?? throw new InvalidOperationException("Moderation is off on this platform (Moderation:Model=none).");
        var policy = policies.ModerationFor(request.TenantId, request.Kind);
        var results = new ModerationResult[request.Texts.Count];
        Parallel.For(0, request.Texts.Count, new ParallelOptions { CancellationToken = context.CancellationToken },
            i => results[i] = moderation.Check(serving, null, request.Texts[i], policy).Result);
        await context.RespondAsync(new TextsModerated { CorrelationId = request.CorrelationId, Results = results });
    }
}
