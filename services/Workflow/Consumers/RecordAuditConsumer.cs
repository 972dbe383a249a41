using MassTransit;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>Writes audit records in batches: one transaction and one chain-head update per tenant per batch.</summary>
public sealed class RecordAuditConsumer(AuditTrailWriter writer) : IConsumer<Batch<RecordAudit>>
{
    public async Task Consume(ConsumeContext<Batch<RecordAudit>> context) =>
        await writer.AppendAsync([.. context.Message.Select(m => m.Message)], context.CancellationToken);
}
