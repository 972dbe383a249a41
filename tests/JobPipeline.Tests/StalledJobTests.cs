using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// A dispatched job whose routing slip was lost (its slip end dead-lettered while Postgres was down, a step killed at the
/// wrong moment) is not left Running: the workflow's stalled-job sweeper sends it again, and fails it with the reason
/// once it has been sent again too often.
/// </summary>
public sealed class StalledJobTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_running_job_whose_slip_was_lost_is_sent_again_and_finishes_once()
    {
        // Stored as dispatched ten minutes ago, but no slip was ever sent: exactly what a lost message leaves behind.
        var job = await StoreStalledJobAsync("My card payment was declined at the supermarket", stallRedispatches: 0);

        var finished = await platform.WaitForJobAsync(job.Id, TimeSpan.FromMinutes(2));

        finished.GetProperty("status").GetString().ShouldBeOneOf("Completed", "NeedsReview");
        var trail = await platform.WaitForAuditAsync(job.Id);
        trail.Count(r => r.GetProperty("step").GetString() == ResourceNames.Steps.Completion).ShouldBe(1);
        // The sweeper counts the resend after the broker confirmed it, and the resent slip can finish before that update
        // lands (StalledJobSweeper.RenewLeasesAsync), so the count is read once it has been written, then checked exact.
        var redispatches = 0;
        await PlatformFixture.EventuallyAsync(async () =>
        {
            await using var db = platform.AdminDb();
            redispatches = (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id, TestContext.Current.CancellationToken)).StallRedispatches;
            return redispatches >= 1;
        }, "the sweeper counts the job's one resend");
        redispatches.ShouldBe(1);
    }

    [Fact]
    public async Task A_job_that_stalled_after_every_resend_fails_with_the_reason()
    {
        var job = await StoreStalledJobAsync("Where is my refund?", stallRedispatches: 3);

        var failed = await platform.WaitForJobAsync(job.Id, TimeSpan.FromMinutes(2));

        failed.GetProperty("status").GetString().ShouldBe("Failed");
        failed.GetProperty("failureReason").GetString()!.ShouldStartWith("stalled: not finished within 60 s of any of its 4 dispatches");
        var trail = await platform.WaitForAuditAsync(job.Id);
        trail.ShouldContain(r => r.GetProperty("step").GetString() == ResourceNames.Steps.Completion && r.GetProperty("decision").GetString() == "failed");
    }

    private async Task<Job> StoreStalledJobAsync(string text, int stallRedispatches)
    {
        var job = new Job
        {
            TenantId = "dev",
            Kind = "email",
            Text = text,
            TextSha256 = SpecialistPlatform.Jobs.Intake.JobIntake.Sha256(text),
            Status = JobStatus.Running,
            DispatchedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            StallRedispatches = stallRedispatches,
        };
        await using var db = platform.AdminDb();
        db.Jobs.Add(job);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return job;
    }
}
