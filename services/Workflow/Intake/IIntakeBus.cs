namespace SpecialistPlatform.Workflow.Intake;

/// <summary>The workflow's second bus: its connection to the broker's intake virtual host, where outside applications
/// submit jobs and read their own tenant's answers (IntakeTopology).</summary>
public interface IIntakeBus : MassTransit.IBus;
