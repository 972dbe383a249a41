namespace SpecialistPlatform.Extraction.Normalization;

/// <summary>An inclusive range of days.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}

/// <summary>An amount in an ISO 4217 currency.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public override string ToString() => $"{Amount} {Currency}";
}

/// <summary>The kinds of value the normaliser and the finder know.</summary>
public enum ValueKind
{
    Date,
    DateRange,
    Time,
    Number,
    Integer,
    Money,
    Email,
}

/// <summary>Numeric dates like 05/06/2026: which field comes first when both could be a month.</summary>
public enum DateOrder
{
    DayFirst,
    MonthFirst,

    /// <summary>Refuse 05/06/2026 with <see cref="NotNormalizedReason.Ambiguous"/>; 24/12/2026 is still fine.</summary>
    RejectAmbiguous,
}

/// <summary>The reference point and conventions a normaliser works with.</summary>
public sealed record NormalizationOptions
{
    /// <summary>"Now" for relative expressions: "tomorrow", "next Friday", "7pm" (for a.m./p.m. inference).</summary>
    public required DateTime Reference { get; init; }

    public DateOrder DateOrder { get; init; } = DateOrder.DayFirst;

    /// <summary>ISO code that a bare "$" or "dollars" means.</summary>
    public string DollarCurrency { get; init; } = "USD";

    public DayOfWeek FirstDayOfWeek { get; init; } = DayOfWeek.Monday;

    public static NormalizationOptions At(DateTime reference) => new() { Reference = reference };
}
