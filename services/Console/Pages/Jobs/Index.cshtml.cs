using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Display;
using SpecialistPlatform.Console.Gateway;

namespace SpecialistPlatform.Console.Pages.Jobs;

/// <summary>The tenant's jobs, newest first, searched by state, kind, intent, time and client reference, a page at a time.</summary>
public sealed class JobsModel(GatewayClient gateway) : PageModel
{
    public const int PageSize = 50;
    public static readonly string[] States = ["Accepted", "Running", "Completed", "NeedsReview", "Failed"];

    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Intent { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? ClientReference { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public JobSearchPage Result { get; private set; } = new([], null);

    public JobFilter Filter => new(State, Kind, Intent, Show.Utc(From), Show.Utc(To), ClientReference);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await gateway.SearchJobsAsync(Filter, After, PageSize, cancellationToken);

    public string PageUrl(string? after) =>
        GatewayClient.Url("/Jobs", [("state", State), ("kind", Kind), ("intent", Intent), ("from", Show.Input(Show.Utc(From))),
            ("to", Show.Input(Show.Utc(To))), ("clientReference", ClientReference), ("after", after)]);
}
