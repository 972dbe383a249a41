using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Display;
using SpecialistPlatform.Console.Gateway;

namespace SpecialistPlatform.Console.Pages.Audit;

/// <summary>
/// The tenant's audit trail, filtered and paged; its export (the gateway's stream, passed through as it arrives, so a
/// million records never sit in the console's memory); and the chain's verification, naming the first broken record.
/// </summary>
public sealed class AuditModel(GatewayClient gateway) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Step { get; set; }
    [BindProperty(SupportsGet = true)] public string? Decision { get; set; }
    [BindProperty(SupportsGet = true, Name = "model")] public string? ModelName { get; set; }
    /// <summary>The page's cursor: the records after this sequence (the next page) or before it (the previous page).
    /// Keyset, not page numbers: records appended while the auditor reads do not shift the pages.</summary>
    [BindProperty(SupportsGet = true)] public long? After { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public AuditPage Trail { get; private set; } = new(PageSize, false, null, null, []);
    public AuditVerification? Verification { get; private set; }

    public AuditFilter Filter => new(Show.Utc(From), Show.Utc(To), Step, Decision, ModelName);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Trail = await gateway.QueryAuditAsync(Filter, After, Before, PageSize, cancellationToken);

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await gateway.VerifyAuditAsync(cancellationToken);
        Trail = await gateway.QueryAuditAsync(Filter, After, Before, PageSize, cancellationToken);
    }

    /// <summary>Copies the gateway's export to the browser as it streams in, as an attachment named by the gateway.</summary>
    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken cancellationToken)
    {
        using var export = await gateway.OpenAuditExportAsync(format, Filter, cancellationToken);
        Response.ContentType = export.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        Response.Headers.ContentDisposition = export.Content.Headers.ContentDisposition?.ToString()
            ?? $"attachment; filename=audit.{format}";
        await using var body = await export.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(Response.Body, cancellationToken);
        return new EmptyResult();
    }

    public string Link(string? handler = null, long? after = null, long? before = null, string? format = null) =>
        GatewayClient.Url("/Audit", [("handler", handler), ("format", format), ("from", Show.Input(Show.Utc(From))), ("to", Show.Input(Show.Utc(To))),
            ("step", Step), ("decision", Decision), ("model", ModelName), ("after", after?.ToString()), ("before", before?.ToString())]);
}
