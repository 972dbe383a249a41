namespace SpecialistPlatform.Client.Models;

/// <summary>A job as the gateway shows it: its kind, status, why it failed or needs review, and what the steps found.</summary>
public sealed record Job(
    Guid Id, string Kind, JobStatus Status, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JobResult? Result)
{
    public bool IsFinal => Status is JobStatus.Completed or JobStatus.NeedsReview or JobStatus.Failed;
}
