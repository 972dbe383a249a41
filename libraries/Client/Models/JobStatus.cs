namespace SpecialistPlatform.Client.Models;

/// <summary>Where a job stands. <see cref="Completed"/>, <see cref="NeedsReview"/> and <see cref="Failed"/> are final.</summary>
public enum JobStatus
{
    Accepted,
    Running,
    Completed,
    NeedsReview,
    Failed,
}
