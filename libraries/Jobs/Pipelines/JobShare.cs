namespace SpecialistPlatform.Jobs.Pipelines;

/// <summary>
/// "This share of jobs", decided by the job id rather than by chance, so a redelivered job lands on the same side
/// again. Each use reads its own four bytes of the id, so different shares (canary, frontier shadow) pick
/// independent sets of jobs.
/// </summary>
public static class JobShare
{
    public const int CanaryBytes = 12;
    public const int FrontierShadowBytes = 8;

    public static bool Contains(Guid jobId, double share, int bytes) =>
        share > 0 && BitConverter.ToUInt32(jobId.ToByteArray(), bytes) / (double)uint.MaxValue < share;
}
