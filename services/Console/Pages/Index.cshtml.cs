using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Display;
using SpecialistPlatform.Console.Gateway;
using SpecialistPlatform.Console.Sessions;

namespace SpecialistPlatform.Console.Pages;

/// <summary>
/// The tenant's overview for a time window (auditors and admins): jobs by kind and state, what the specialists decided
/// and why the rest escalated, latency per step, frontier spend against budget, and the savings against sending every
/// job to the frontier. Others land on the jobs page, which every job reader may see.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }

    public TenantOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.Audits())
        {
            return RedirectToPage("/Jobs/Index");
        }

        Overview = await gateway.GetOverviewAsync(Show.Utc(From), Show.Utc(To), cancellationToken);
        return Page();
    }

    public static readonly IReadOnlyDictionary<string, string> StateColours = new Dictionary<string, string>
    {
        ["Completed"] = "#2f8f4e", ["NeedsReview"] = "#d39b1f", ["Failed"] = "#b3261e", ["Running"] = "#5b8bd9", ["Accepted"] = "#9aa6bb",
    };

    public IReadOnlyList<SvgBars.Row> JobsByKind() =>
    [
        .. Overview.Jobs.GroupBy(j => j.Kind).OrderByDescending(g => g.Sum(j => j.Jobs)).Select(kind => new SvgBars.Row(
            kind.Key,
            [.. StateColours.Keys.Select(state => new SvgBars.Segment(state, kind.Where(j => j.Status == state).Sum(j => j.Jobs), StateColours[state]))],
            kind.Sum(j => j.Jobs).ToString(System.Globalization.CultureInfo.InvariantCulture))),
    ];

    public IReadOnlyList<SvgBars.Row> LatencyBySteps() =>
    [
        .. Overview.Latency.Select(step => new SvgBars.Row(
            step.Step, [new SvgBars.Segment("p50", step.P50Ms, "#2f5fd0"), new SvgBars.Segment("p95 above p50", Math.Max(0, step.P95Ms - step.P50Ms), "#9db4ea")],
            $"{Show.Ms(step.P50Ms)} / {Show.Ms(step.P95Ms)}")),
    ];

    public long FinishedJobs => Overview.Jobs.Where(j => j.Status is "Completed" or "NeedsReview" or "Failed").Sum(j => j.Jobs);

    public long EscalatedJobs => Overview.Savings?.MeasuredJobs ?? 0;
}
