namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>A reservation when a call may go ahead; otherwise why not (the reason the job's NeedsReview shows).</summary>
public sealed record SpendDecision(SpendReservation? Reservation, string? Reason)
{
    public bool Allowed => Reservation is not null;
}
