using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpecialistPlatform.Extraction.Normalization;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// Normalises an extracted slot's text by the kind its name implies: "*date_period*" a date range,
/// other "*date*" a date, "*time*" (not "time_period") a time, people/adults/kids/children/guests/rooms/
/// number/nights a whole number, "*amount*"/"*money*"/"*price*" money, "*email*" an email. Any other slot, or
/// text that does not normalise, has no value.
/// </summary>
internal sealed class SlotValues(ValueNormalizer normalizer)
{
    public static ValueKind? KindOf(string slot)
    {
        var s = slot.ToLowerInvariant();
        if (s.Contains("date_period", StringComparison.Ordinal))
        {
            return ValueKind.DateRange;
        }
        if (s.Contains("date", StringComparison.Ordinal))
        {
            return ValueKind.Date;
        }
        if (s.Contains("time", StringComparison.Ordinal) && !s.Contains("period", StringComparison.Ordinal))
        {
            return ValueKind.Time;
        }
        if (s is "people" or "adults" or "kids" or "children" or "guests" or "rooms" or "number" or "nights" or "party_size")
        {
            return ValueKind.Integer;
        }
        if (s.Contains("amount", StringComparison.Ordinal) || s.Contains("money", StringComparison.Ordinal) || s.Contains("price", StringComparison.Ordinal))
        {
            return ValueKind.Money;
        }
        return s.Contains("email", StringComparison.Ordinal) ? ValueKind.Email : null;
    }

    /// <summary>The typed value (DateOnly, DateRange, TimeOnly, long, Money or string), or null.</summary>
    public object? Normalize(string slot, string text) =>
        KindOf(slot) is { } kind && normalizer.Normalize(text, kind).TryGetValue(out var value) ? value : null;

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                writer.WriteStringValue(time.ToString("HH:mm", CultureInfo.InvariantCulture));
                break;
            case DateRange range:
                writer.WriteStartObject();
                writer.WriteString("start", range.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteString("end", range.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                break;
            case Money money:
                writer.WriteStartObject();
                writer.WriteNumber("amount", money.Amount);
                writer.WriteString("currency", money.Currency);
                writer.WriteEndObject();
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    /// <summary>
    /// Reads an NLU++-style gold value into the same type <see cref="Normalize"/> returns for that slot
    /// ({day, month, year}, {hour, minute}, an integer, {type: absolute, from, to}, {amount, currency});
    /// null when the gold value is of a kind this normaliser does not produce (ambiguous, periodic, relative).
    /// </summary>
    public static object? FromGold(string slot, JsonNode? gold)
    {
        try
        {
            return (KindOf(slot), gold) switch
            {
                (ValueKind.Date, JsonObject o) when o["day"] is not null => Date(o),
                (ValueKind.Time, JsonObject o) when o["hour"] is not null => new TimeOnly((int)o["hour"]!, (int?)o["minute"] ?? 0),
                (ValueKind.Integer, JsonValue v) when v.TryGetValue<decimal>(out var d) && d == Math.Floor(d) => (long)d,
                (ValueKind.DateRange, JsonObject o) when (string?)o["type"] == "absolute" && o["from"] is JsonObject f && o["to"] is JsonObject t => new DateRange(Date(f), Date(t)),
                (ValueKind.Money, JsonObject o) when o["amount"] is not null && (string?)o["currency"] is { Length: 3 } c => new Money((decimal)o["amount"]!, c),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }

        static DateOnly Date(JsonObject o) => new((int)o["year"]!, (int)o["month"]!, (int)o["day"]!);
    }
}
