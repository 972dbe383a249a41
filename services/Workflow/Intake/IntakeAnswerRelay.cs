using MassTransit;
using SpecialistPlatform.Contracts.Jobs;

namespace SpecialistPlatform.Workflow.Intake;

/// <summary>
/// Carries each job's end (finished or failed) from the services' own virtual host to the intake virtual host, where
/// it is published on a topic exchange with the job's tenant as the routing key: an outside application reads only
/// its own tenant's answers, and never enters the virtual host the services talk in. A queue of its own makes the
/// relay at-least-once, like every other event.
/// </summary>
public sealed class IntakeAnswerRelay(IIntakeBus intake) : IConsumer<JobFinished>, IConsumer<JobFailed>
{
    public Task Consume(ConsumeContext<JobFinished> context) => intake.Publish(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<JobFailed> context) => intake.Publish(context.Message, context.CancellationToken);
}
