using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>How a masked value keeps part of itself visible.</summary>
public sealed record MaskOptions
{
    public static readonly MaskOptions Default = new();

    public char MaskCharacter { get; init; } = '*';

    /// <summary>Trailing digits or letters left visible, per entity type; types not listed are masked whole.</summary>
    public IReadOnlyDictionary<string, int> KeepLast { get; init; } = new Dictionary<string, int>
    {
        [PersonalDataTypes.CreditCard] = 4,
        [PersonalDataTypes.Iban] = 4,
        [PersonalDataTypes.UsSsn] = 4,
        [PersonalDataTypes.PhoneNumber] = 2,
    };
}

/// <summary>One replaced span: where it was in the original and where its replacement sits in the output.</summary>
public sealed record RedactedSpan(string Type, int OriginalStart, int OriginalEnd, int RedactedStart, int RedactedEnd, string Replacement);

/// <summary>
/// The redacted text, and for placeholder redaction the map from each placeholder (e.g. <c>&lt;CREDIT_CARD_1&gt;</c>)
/// to the original value, which <see cref="Redactor.Restore"/> puts back into a later answer.
/// </summary>
public sealed record RedactionResult(string Text, IReadOnlyDictionary<string, string> Placeholders, IReadOnlyList<RedactedSpan> Spans);

/// <summary>
/// Replaces findings in a text with typed numbered placeholders (the same value gets the same placeholder
/// within one text) or with masks that keep a few trailing characters. Overlapping findings are resolved
/// first; spans that would cut a surrogate pair are widened to whole code points.
/// </summary>
public sealed partial class Redactor(MaskOptions? maskOptions = null)
{
    private readonly MaskOptions _mask = maskOptions ?? MaskOptions.Default;

    [GeneratedRegex(@"<[A-Za-z][A-Za-z0-9_]*_[0-9]+>", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex PlaceholderPattern();

    public RedactionResult Redact(string text, IEnumerable<Finding> findings)
    {
        var allocator = new PlaceholderAllocator(text);
        return Replace(text, findings, allocator.Placeholders, allocator.For);
    }

    public RedactionResult Mask(string text, IEnumerable<Finding> findings) =>
        Replace(text, findings, new Dictionary<string, string>(), MaskValue);

    /// <summary>
    /// Puts original values back in place of the placeholders a redaction produced. Matching ignores case
    /// (models sometimes rewrite it); placeholders not in the map are left as they are.
    /// </summary>
    public static string Restore(string answer, IReadOnlyDictionary<string, string> placeholders)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (placeholders.Count == 0)
            return answer;
        var lookup = new Dictionary<string, string>(placeholders, StringComparer.OrdinalIgnoreCase);
        return PlaceholderPattern().Replace(answer, m => lookup.TryGetValue(m.Value, out var original) ? original : m.Value);
    }

    public string MaskValue(string type, string value)
    {
        var keep = _mask.KeepLast.GetValueOrDefault(type);
        var c = _mask.MaskCharacter;
        if (type is PersonalDataTypes.CreditCard or PersonalDataTypes.Iban)
        {
            // Cards and IBANs are shown compact, the way receipts print them: ************1111.
            var compact = new string(NormalizedText.Fold(value).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
            var visible = Math.Min(keep, compact.Length);
            return new string(c, compact.Length - visible) + compact[^visible..];
        }
        if (type == PersonalDataTypes.EmailAddress && value.IndexOf('@') is var at and > 0)
        {
            var first = StringInfo.GetNextTextElementLength(value);
            return value[..first] + new string(c, Math.Max(1, at - first)) + value[at..];
        }
        return MaskKeepingSeparators(value, keep, c);
    }

    private static string MaskKeepingSeparators(string value, int keepLast, char maskChar)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(value);
        while (e.MoveNext())
            elements.Add(e.GetTextElement());
        var remainingVisible = keepLast;
        var output = new string[elements.Count];
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            var isContent = char.IsLetterOrDigit(element, 0) || char.IsSurrogatePair(element, 0);
            if (!isContent)
            {
                output[i] = element;
            }
            else if (remainingVisible > 0)
            {
                output[i] = element;
                remainingVisible--;
            }
            else
            {
                output[i] = maskChar.ToString();
            }
        }
        return string.Concat(output);
    }

    // Compared folded (NormalizedText), so "４１１１…" and "4111…" are one value with one placeholder or hash.
    internal static string IdentityKey(string type, string value) => type switch
    {
        PersonalDataTypes.CreditCard or PersonalDataTypes.Iban or PersonalDataTypes.PhoneNumber
            or PersonalDataTypes.UsSsn or PersonalDataTypes.UkNhs =>
            new string(NormalizedText.Fold(value).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant(),
        PersonalDataTypes.EmailAddress or PersonalDataTypes.IpAddress => NormalizedText.Fold(value).ToLowerInvariant(),
        _ => value,
    };

    private static RedactionResult Replace(
        string text,
        IEnumerable<Finding> findings,
        Dictionary<string, string> placeholders,
        Func<string, string, string> replacementFor)
    {
        ArgumentNullException.ThrowIfNull(text);
        var resolved = OverlapResolver.Resolve(findings.Select(f => Checked(text, f)));
        var output = new StringBuilder(text.Length);
        var spans = new List<RedactedSpan>(resolved.Count);
        var position = 0;
        foreach (var finding in resolved)
        {
            if (finding.Start < position)
                continue; // widening to code points made it touch the previous span
            output.Append(text, position, finding.Start - position);
            var replacement = replacementFor(finding.Type, text[finding.Start..finding.End]);
            var redactedStart = output.Length;
            output.Append(replacement);
            spans.Add(new RedactedSpan(finding.Type, finding.Start, finding.End, redactedStart, output.Length, replacement));
            position = finding.End;
        }
        output.Append(text, position, text.Length - position);
        return new RedactionResult(output.ToString(), placeholders, spans);
    }

    internal static Finding Checked(string text, Finding finding)
    {
        if (finding.Start < 0 || finding.End > text.Length || finding.Start > finding.End)
            throw new ArgumentOutOfRangeException(nameof(finding), finding,
                $"Finding [{finding.Start}, {finding.End}) lies outside a text of length {text.Length}.");
        var (start, end) = TextOffsets.WidenToScalarBoundaries(text, finding.Start, finding.End);
        return start == finding.Start && end == finding.End ? finding : finding with { Start = start, End = end };
    }
}
