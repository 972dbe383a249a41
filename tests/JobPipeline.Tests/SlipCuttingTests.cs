using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>How the dispatcher cuts the jobs of a kind into routing slips: by count and by text size, order kept.</summary>
public sealed class SlipCuttingTests
{
    [Fact]
    public void Jobs_are_cut_by_count_in_order()
    {
        var jobs = Enumerable.Range(0, 250).Select(i => Job($"text {i}")).ToList();

        var slips = JobDispatcher.Slips(jobs, maxJobs: 100).ToList();

        slips.Select(s => s.Length).ShouldBe([100, 100, 50]);
        slips.SelectMany(s => s).Select(j => j.Id).ShouldBe(jobs.Select(j => j.Id));
    }

    [Fact]
    public void Large_texts_get_slips_of_their_own_and_no_slip_exceeds_the_text_limit()
    {
        var big = new string('x', JobDispatcher.MaxSlipTextLength / 2 + 1);
        var huge = new string('y', JobDispatcher.MaxSlipTextLength + 10);
        var jobs = new[] { Job("a"), Job(big), Job(big), Job(huge), Job("b"), Job("c") };

        var slips = JobDispatcher.Slips(jobs, maxJobs: 100).ToList();

        // "a" and the first big text fit together; the second big one would overflow; the huge one travels alone.
        slips.Select(s => s.Length).ShouldBe([2, 1, 1, 2]);
        slips.Where(s => s.Length > 1).ShouldAllBe(s => s.Sum(j => j.Text.Length) <= JobDispatcher.MaxSlipTextLength);
        slips.SelectMany(s => s).ShouldBe(jobs);
    }

    private static Job Job(string text) => new() { TenantId = "dev", Kind = "email", Text = text, TextSha256 = new string('0', 64) };
}
