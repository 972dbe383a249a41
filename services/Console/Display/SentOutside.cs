using System.Globalization;

namespace SpecialistPlatform.Console.Display;

/// <summary>
/// The parts of an audit record's <c>sentOutside</c> field a reader looks for first: which frontier model got the
/// redacted text and how many tokens went each way. The field is written by the frontier escalation as
/// <c>origin=...; model=a,b; calls=n; failed=n; sha256=...; bytes=n; tokens=in+out</c>; the whole field is shown too.
/// </summary>
public sealed record SentOutside(string? Model, long? InputTokens, long? OutputTokens)
{
    public static SentOutside? Parse(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        var parts = field.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);
        long? input = null, output = null;
        if (parts.TryGetValue("tokens", out var tokens) && tokens.Split('+') is [var i, var o]
            && long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedInput)
            && long.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedOutput))
        {
            (input, output) = (parsedInput, parsedOutput);
        }

        return new SentOutside(parts.GetValueOrDefault("model"), input, output);
    }
}
