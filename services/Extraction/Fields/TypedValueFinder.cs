using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Compliance.Detection.Recognizers;
using SpecialistPlatform.Extraction.Normalization;

namespace SpecialistPlatform.Extraction.Fields;

/// <summary>A typed value found in text: where, its normalised value (null with a problem when it could not be
/// normalised: never a silent guess), and how sure the finder is.</summary>
public sealed record TypedValue(string Type, int Start, int End, string Text, JsonElement? Value, double Confidence, string? Problem);

/// <summary>
/// Finds the typed values schemas ask for. Dates, date ranges, times, money, numbers and emails come from the
/// normalisation library's <see cref="ValueFinder"/> (which never reports a value it could not normalise);
/// IBANs and phone numbers from the compliance recognizers, so they are checksum- and length-validated;
/// reference numbers from a pattern that needs a keyword in the schema to be trusted.
/// </summary>
public static partial class TypedValueFinder
{
    private static readonly IRecognizer Ibans = new IbanRecognizer();
    private static readonly IRecognizer Phones = new PhoneNumberRecognizer();

    private static readonly Dictionary<string, ValueKind> KindByFieldType = new(StringComparer.Ordinal)
    {
        ["date"] = ValueKind.Date,
        ["date-range"] = ValueKind.DateRange,
        ["time"] = ValueKind.Time,
        ["money"] = ValueKind.Money,
        ["number"] = ValueKind.Number,
        ["integer"] = ValueKind.Number,
        ["email"] = ValueKind.Email,
    };

    /// <param name="type">A schema field type (see <c>PipelineOptions.KnownFieldTypes</c>).</param>
    /// <param name="text">The job's text.</param>
    /// <param name="reference">"Now" for relative expressions such as "tomorrow" or "next week".</param>
    public static IEnumerable<TypedValue> Find(string type, string text, DateTime reference)
    {
        if (KindByFieldType.TryGetValue(type, out var kind))
        {
            return Normalized(type, kind, text, reference);
        }

        return type switch
        {
            "iban" => Recognized(type, Ibans, text, value => new string(value.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant()),
            "phone" => Recognized(type, Phones, text, value => value),
            "reference" => ReferencePattern().Matches(text).Select(m =>
                new TypedValue(type, m.Index, m.Index + m.Length, m.Value, JsonSerializer.SerializeToElement(m.Value), 0.8, null)),
            // Free-text fields (names, descriptions) need the learned span tagger; the rules do not guess them.
            _ => [],
        };
    }

    private static IEnumerable<TypedValue> Normalized(string type, ValueKind kind, string text, DateTime reference)
    {
        var finder = new ValueFinder(NormalizationOptions.At(reference));
        foreach (var found in finder.Find(text, [kind]))
        {
            if (type == "integer" && found.Value is decimal number && number != decimal.Truncate(number))
            {
                continue;
            }

            // Every convention the normaliser had to assume ("'$' read as USD", "day first") lowers the confidence,
            // so a doubtful required field can send the job to escalation.
            var confidence = Math.Max(0.3, 0.9 - 0.2 * found.Assumptions.Count);
            yield return new TypedValue(type, found.Start, found.End, found.Text, ToJson(found.Value), confidence, null);
        }
    }

    private static IEnumerable<TypedValue> Recognized(string type, IRecognizer recognizer, string text, Func<string, string> normalise) =>
        recognizer.Recognize(text).Select(f =>
            new TypedValue(type, f.Start, f.End, f.ValueIn(text), JsonSerializer.SerializeToElement(normalise(f.ValueIn(text))), Math.Min(0.95, f.Score + 0.1), null));

    private static JsonElement ToJson(object value) => value switch
    {
        DateOnly date => JsonSerializer.SerializeToElement(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateRange range => JsonSerializer.SerializeToElement(new
        {
            start = range.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            end = range.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),
        TimeOnly time => JsonSerializer.SerializeToElement(time.ToString("HH:mm", CultureInfo.InvariantCulture)),
        Money money => JsonSerializer.SerializeToElement(new { amount = money.Amount, currency = money.Currency }),
        _ => JsonSerializer.SerializeToElement(value),
    };

    /// <summary>Reference numbers: letters and digits joined by dashes or slashes, with at least one digit (INV-2024-0042).</summary>
    [GeneratedRegex(@"\b(?=[A-Z0-9/-]*\d)[A-Z]{1,6}[-/]?\d[A-Z0-9]*(?:[-/][A-Z0-9]+)*\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReferencePattern();
}
