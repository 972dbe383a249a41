using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Gateway;

namespace SpecialistPlatform.Console.Pages.Evaluations;

/// <summary>Stored evaluation runs (labelled evaluations, calibrations, closed shadow windows) and each run's HTML report,
/// as the gateway renders it: the platform's runs for every auditor, a shadow window only for its own tenant.</summary>
public sealed class EvaluationsModel(GatewayClient gateway) : PageModel
{
    // The kinds the CLI and the shadow windows store (each command's RunKind).
    public static readonly string[] Kinds = ["intent-eval", "pii-eval", "extract-eval", "moderation-eval", "moderation-bench", "calibration", "shadow-window"];

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ReportSummary> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Runs = await gateway.ListReportsAsync(Kind, Math.Max(1, PageNumber), cancellationToken);

    /// <summary>The report itself: a self-contained page (inline SVG, no script), shown as the gateway wrote it.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken cancellationToken) =>
        Content(await gateway.GetReportHtmlAsync(id, cancellationToken), "text/html; charset=utf-8");
}
