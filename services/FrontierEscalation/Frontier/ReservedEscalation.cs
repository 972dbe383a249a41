using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Frontier;

namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>
/// The first half of an escalation, done before anything is sent: what to ask the frontier, and the budget reserved
/// for asking it, or why it may not be asked (no model configured, over budget, rate limit).
/// </summary>
public sealed record ReservedEscalation(Escalate Job, IReadOnlyList<FrontierTask> Tasks, SpendReservation? Reservation, string? Refusal);
