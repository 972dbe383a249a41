using System.Text.RegularExpressions;

namespace SpecialistPlatform.Extraction.Normalization;

public sealed partial class ValueNormalizer
{
    private const string Meridiem = @"(?:\s*(?<mer>a\.?\s?m\.?|p\.?\s?m\.?|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight))?";

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:[:.h](?<m>[0-9]{2}))?" + Meridiem + @"$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^(?<h>[a-z]+)(?:\s+o'?clock)?" + Meridiem + @"$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex WordHour();

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})\s+o'?clock" + Meridiem + @"$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex DigitOClock();

    [GeneratedRegex(@"^(?<min>half|(?:a\s+)?quarter|[a-z0-9]+(?:[\s-][a-z]+)?)(?:\s+minutes?)?\s+(?<dir>past|after|to|before|til|till)\s+(?<h>[a-z0-9]+)" + Meridiem + @"$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex RelativeTime();

    /// <summary>
    /// A time of day: "19:30", "7pm", "7.30 a.m.", "noon", "midnight", "half past 8", "25 to 7 p.m.". An hour
    /// of 1-12 without a.m./p.m. (and without a leading zero) takes the first of the two readings at or after
    /// the reference time, and says so in the assumptions.
    /// </summary>
    public NormalizationResult<TimeOnly> NormalizeTime(string text)
    {
        var s = Clean(text);
        if (s.Length == 0)
            return NormalizationResult<TimeOnly>.Failure(text, NotNormalizedReason.Empty, "No text to read a time from.");
        switch (s)
        {
            case "noon" or "midday" or "12 noon" or "12 midday":
                return NormalizationResult<TimeOnly>.Success(text, new TimeOnly(12, 0));
            case "midnight" or "12 midnight":
                return NormalizationResult<TimeOnly>.Success(text, new TimeOnly(0, 0));
        }

        int hour, minute = 0;
        string meridiem;
        var leadingZero = false;
        if (ClockMatch(s) is { } clock)
        {
            hour = Int(clock, "h");
            if (clock.Groups["m"].Success)
                minute = Int(clock, "m");
            meridiem = clock.Groups["mer"].Value;
            leadingZero = clock.Groups["h"].Value.Length == 2 && clock.Groups["h"].Value[0] == '0';
        }
        else if (RelativeTime().Match(s) is { Success: true } relative)
        {
            if (HourOf(relative.Groups["h"].Value) is not { } h)
                return NormalizationResult<TimeOnly>.Failure(text, NotNormalizedReason.Unrecognized, $"\"{relative.Groups["h"].Value}\" is not an hour.");
            var minText = relative.Groups["min"].Value;
            int minutes;
            if (minText == "half")
                minutes = 30;
            else if (minText.EndsWith("quarter", StringComparison.Ordinal))
                minutes = 15;
            else if (NormalizeInteger(minText) is { IsNormalized: true } m && m.Value is >= 1 and <= 59)
                minutes = (int)m.Value;
            else
                return NormalizationResult<TimeOnly>.Failure(text, NotNormalizedReason.OutOfRange, $"\"{minText}\" is not a number of minutes from 1 to 59.");
            if (h is < 1 or > 12)
                return NormalizationResult<TimeOnly>.Failure(text, NotNormalizedReason.OutOfRange, $"\"{relative.Groups["dir"].Value}\" needs a 12-hour clock hour, not {h}.");
            var to = relative.Groups["dir"].Value is "to" or "before" or "til" or "till";
            hour = to ? (h == 1 ? 12 : h - 1) : h;
            minute = to ? 60 - minutes : minutes;
            meridiem = relative.Groups["mer"].Value;
            if (to && h == 12 && meridiem.Length > 0)
            {
                // "quarter to 12 pm" is 11:45 a.m.; handled as 11:45 with the meridiem of the hour it counts down to flipped.
                meridiem = meridiem.StartsWith('p') ? "am" : "pm";
            }
        }
        else if (WordHour().Match(s) is { Success: true } word && HourOf(word.Groups["h"].Value) is { } wh
                 && (word.Groups["mer"].Success || s.Contains("clock", StringComparison.Ordinal)))
        {
            hour = wh;
            meridiem = word.Groups["mer"].Value;
        }
        else
        {
            return NormalizationResult<TimeOnly>.Failure(text, NotNormalizedReason.Unrecognized,
                s.All(c => char.IsAsciiDigit(c)) ? "A bare number is not a time; give a.m./p.m., o'clock or minutes." : "Not a time form this normaliser knows.");
        }

        if (minute is < 0 or > 59)
            return NormalizationResult<TimeOnly>.Failure(text, NotNormalizedReason.OutOfRange, $"Minute {minute} is out of range.");
        var isPm = meridiem.StartsWith('p') || meridiem.Contains("afternoon") || meridiem.Contains("evening") || meridiem.Contains("night");
        var isAm = meridiem.StartsWith('a') || meridiem.Contains("morning");
        if (isAm || isPm)
        {
            if (hour is < 1 or > 12)
                return NormalizationResult<TimeOnly>.Failure(text, NotNormalizedReason.OutOfRange, $"Hour {hour} cannot take a.m./p.m.");
            if (meridiem.Contains("night") && hour is >= 1 and <= 4)
                return NormalizationResult<TimeOnly>.Success(text, new TimeOnly(hour, minute));
            return NormalizationResult<TimeOnly>.Success(text, new TimeOnly(hour % 12 + (isPm ? 12 : 0), minute));
        }
        if (hour is < 0 or > 23)
            return NormalizationResult<TimeOnly>.Failure(text, NotNormalizedReason.OutOfRange, $"Hour {hour} is out of range.");
        if (hour is 0 or > 12 || leadingZero)
            return NormalizationResult<TimeOnly>.Success(text, new TimeOnly(hour, minute));

        var morning = new TimeOnly(hour % 12, minute);
        var evening = morning.AddHours(12);
        var now = TimeOnly.FromDateTime(Options.Reference);
        var chosen = morning >= now ? morning : evening >= now ? evening : morning;
        return NormalizationResult<TimeOnly>.Success(text, chosen,
            $"no a.m./p.m.: took {chosen:HH:mm}, the first reading at or after {now:HH:mm}");
    }

    private static Match? ClockMatch(string s)
    {
        var clock = ClockTime().Match(s);
        if (clock.Success && (clock.Groups["m"].Success || clock.Groups["mer"].Success))
            return clock;
        var oclock = DigitOClock().Match(s);
        return oclock.Success ? oclock : null;
    }

    private static int? HourOf(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return NumberWords.Parse(tokens, 0) is { IsOrdinal: false } n && n.TokenCount == tokens.Count && n.Value == decimal.Truncate(n.Value) && n.Value is >= 0 and <= 24
            ? (int)n.Value
            : null;
    }
}
