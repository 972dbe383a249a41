using SpecialistPlatform.Client.Models;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>A job did not reach a final state within the wait. The job itself goes on: wait again or read it later.</summary>
public sealed class JobWaitTimeoutException(Guid jobId, JobStatus lastStatus, TimeSpan waited)
    : TimeoutException($"Job {jobId} was still {lastStatus} after {waited.TotalSeconds:0.#} s; it goes on running, so wait again or read it later.")
{
    public Guid JobId { get; } = jobId;
    public JobStatus LastStatus { get; } = lastStatus;
}
