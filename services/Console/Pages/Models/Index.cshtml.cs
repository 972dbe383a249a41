using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Gateway;

namespace SpecialistPlatform.Console.Pages.Models;

/// <summary>
/// The model registry: every version with its metrics, status and calibrated threshold. Promote and roll back are
/// offered only to the platform admin (the role the gateway demands for them), and only after a confirmation step:
/// the first click shows what will change, the second makes the change.
/// </summary>
public sealed class ModelsModel(GatewayClient gateway) : PageModel
{
    public IReadOnlyList<RegisteredModel> Versions { get; private set; } = [];

    /// <summary>The change awaiting confirmation: "promote" or "rollback".</summary>
    [BindProperty(SupportsGet = true)] public string? Confirm { get; set; }
    [BindProperty(SupportsGet = true)] public string? Task { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Version { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [TempData] public string? Done { get; set; }

    public async System.Threading.Tasks.Task OnGetAsync(CancellationToken cancellationToken) =>
        Versions = await gateway.ListModelsAsync(cancellationToken);

    public async Task<IActionResult> OnPostPromoteAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Task) || string.IsNullOrEmpty(Name) || string.IsNullOrEmpty(Version))
        {
            return BadRequest();
        }

        await gateway.PromoteModelAsync(Task, Name, Version, To ?? "active", cancellationToken);
        Done = $"{Task}/{Name} version {Version} is now {To ?? "active"}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRollbackAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Task) || string.IsNullOrEmpty(Name))
        {
            return BadRequest();
        }

        await gateway.RollbackModelAsync(Task, Name, cancellationToken);
        Done = $"{Task}/{Name} rolled back to its previous active version.";
        return RedirectToPage();
    }

    /// <summary>The metrics' top-level numbers (accuracy, macro F1, ...), as the registry stores them.</summary>
    public static IEnumerable<(string Name, string Value)> Metrics(string metricsJson)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(metricsJson).RootElement;
        }
        catch (JsonException)
        {
            yield break;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Take(6))
        {
            yield return (property.Name, property.Value.GetDouble().ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
