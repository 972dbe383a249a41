using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Gateway;

namespace SpecialistPlatform.Console.Pages.Jobs;

/// <summary>One job: what became of it, its redacted text and result, and its timeline, one row per audit record.
/// Another tenant's job is the gateway's 404, shown as the same "not found" as a job that does not exist.</summary>
public sealed class JobDetailsModel(GatewayClient gateway) : PageModel
{
    public JobView Job { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Job = await gateway.GetJobAsync(id, cancellationToken);
        Timeline = await gateway.GetJobTimelineAsync(id, cancellationToken);
    }

    public decimal FrontierCost => Timeline.Sum(entry => entry.Cost);
}
