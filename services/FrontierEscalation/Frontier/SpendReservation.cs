namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>
/// A worst-case amount already counted in a tenant's day and month spend before a frontier call is made. Settling it
/// replaces the amount with the actual cost in the same day's and month's totals (a call that crosses midnight is
/// charged to the day it was reserved in).
/// </summary>
public sealed record SpendReservation(string TenantId, string DayKey, string MonthKey, long Nanos);
