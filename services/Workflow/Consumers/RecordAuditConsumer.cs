using MassTransit;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>Writes audit records in batches: one transaction and one chain-head update per tenant per batch.</summary>
public sealed class RecordAuditConsumer(AuditTrailWriter writer) : IConsumer<Batch<AppendAudit>>
{
    public async Task Consume(ConsumeContext<Batch<AppendAudit>> context) =>
        await writer.AppendAsync([.. context.Message.SelectMany(m => m.Message.Records)], context.CancellationToken);
}
