using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Display;
using SpecialistPlatform.Console.Gateway;

namespace SpecialistPlatform.Console.Pages.Models;

/// <summary>
/// The model registry: every version with its metrics, status and calibrated threshold. Promote, roll back and the
/// shadow's canary share are offered only to the platform admin (the role the gateway demands for them), and only after
/// a confirmation step: the first click shows what will change, the second makes the change.
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

    /// <summary>The canary share asked for, as a percentage of jobs (0 to 100); empty: back to the services' setting.</summary>
    [BindProperty(SupportsGet = true)] public double? SharePercent { get; set; }
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<ShadowAgreementSeries> Agreement { get; private set; } = [];

    public async System.Threading.Tasks.Task OnGetAsync(CancellationToken cancellationToken)
    {
        var versions = gateway.ListModelsAsync(cancellationToken);
        var agreement = gateway.ListShadowAgreementAsync(cancellationToken);
        Versions = await versions;
        Agreement = await agreement;
    }

    /// <summary>One model's shadow versions as lines of agreement over time, oldest version first.</summary>
    public IReadOnlyList<SvgLines.Line> AgreementLines(string task, string name) =>
    [
        .. Agreement.Where(series => series.Task == task && series.Name == name && series.Points.Any(p => p.Compared > 0))
            .OrderBy(series => series.Points[0].At)
            .Select((series, i) => new SvgLines.Line(series.Version, SvgLines.Palette[i % SvgLines.Palette.Count],
            [
                .. series.Points.Where(p => p.Compared > 0).Select(p => new SvgLines.Point(p.At, p.Agreed / (double)p.Compared,
                    $"{p.Agreed} of {p.Compared} live decisions agreed")),
            ])),
    ];

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

    public async Task<IActionResult> OnPostCanaryShareAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Task) || string.IsNullOrEmpty(Name) || string.IsNullOrEmpty(Version) || SharePercent is < 0 or > 100)
        {
            return BadRequest();
        }

        await gateway.SetCanaryShareAsync(Task, Name, Version, SharePercent / 100, cancellationToken);
        Done = $"{Task}/{Name} shadow {Version} now decides {ShareText(SharePercent)}.";
        return RedirectToPage();
    }

    /// <summary>What a share means to the reader: the registry's percentage, or the services' own setting.</summary>
    public static string ShareText(double? percent) =>
        percent is { } p ? $"{p.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}% of jobs as a canary" : "the share the services are configured with";

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
