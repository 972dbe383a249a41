using System.Text.RegularExpressions;

namespace SpecialistPlatform.Extraction.Normalization;

public sealed partial class ValueNormalizer
{
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant, 250)]
    internal static partial Regex EmailPattern();

    [GeneratedRegex(@"\s+(?:at|\(at\)|\[at\])\s+|\s+(?<dot>dot|\(dot\)|\[dot\])\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 250)]
    private static partial Regex SpokenSeparators();

    /// <summary>
    /// An email address: trims, drops "mailto:" and angle brackets, lower-cases the domain (the local part keeps
    /// its case: it may be significant), and reads spelled-out forms ("jane dot doe at example dot com").
    /// </summary>
    public NormalizationResult<string> NormalizeEmail(string text)
    {
        var s = text.Trim().Trim('<', '>', '.', ',', ';', '"', '\'', '(', ')').Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            s = s[7..];
        if (s.Length == 0)
            return NormalizationResult<string>.Failure(text, NotNormalizedReason.Empty, "No text to read an email address from.");
        var assumptions = new List<string>();
        if (!s.Contains('@') && SpokenSeparators().IsMatch(s))
        {
            s = SpokenSeparators().Replace(s, m => m.Groups["dot"].Success ? "." : "@");
            assumptions.Add("spelled-out \"at\"/\"dot\" read as '@'/'.'");
        }
        var at = s.LastIndexOf('@');
        if (at < 0)
            return NormalizationResult<string>.Failure(text, NotNormalizedReason.InvalidEmail, "No '@' in the address.");
        var normalized = s[..at] + "@" + s[(at + 1)..].ToLowerInvariant();
        if (!EmailPattern().IsMatch(normalized) || at > 64 || normalized.Length > 254)
            return NormalizationResult<string>.Failure(text, NotNormalizedReason.InvalidEmail, $"\"{s}\" is not a valid email address.");
        return NormalizationResult<string>.Success(text, normalized, assumptions);
    }
}
