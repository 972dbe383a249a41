using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.Gateway.Overview;

/// <summary>
/// The part of the frontier's settings (section <c>Frontier</c>, the same keys the frontier escalation service reads) the
/// overview prices with: the first model's prices per 1,000 tokens, the answer bound, and each tenant's budget. Read here
/// rather than through the frontier library so the gateway does not carry the providers' clients for four numbers.
/// </summary>
public sealed class FrontierPrices
{
    public const string Section = "Frontier";

    public List<PricedModel> Models { get; set; } = [];

    public Budget DefaultBudget { get; set; } = new();

    public Dictionary<string, Budget> TenantBudgets { get; set; } = new(StringComparer.Ordinal);

    [Range(16, 100_000)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>The model an escalation tries first, whose prices "everything to the frontier" would have paid.</summary>
    public PricedModel? First => Models.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m.Model));

    public Budget BudgetFor(string tenant) => TenantBudgets.GetValueOrDefault(tenant) ?? DefaultBudget;

    public sealed class PricedModel
    {
        public string Model { get; set; } = "";
        public decimal PricePer1kInputTokens { get; set; }
        public decimal PricePer1kOutputTokens { get; set; }

        public decimal CostOf(double inputTokens, double outputTokens) =>
            (decimal)inputTokens / 1000m * PricePer1kInputTokens + (decimal)outputTokens / 1000m * PricePer1kOutputTokens;
    }

    /// <summary>Spending limits in the prices' currency; 0 means no limit.</summary>
    public sealed class Budget
    {
        public decimal Daily { get; set; }
        public decimal Monthly { get; set; }
    }
}
