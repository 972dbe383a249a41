using System.Globalization;

namespace SpecialistPlatform.Jobs.Intake;

/// <summary>
/// Finds what Postgres cannot store in a text or jsonb column: U+0000 (refused by text and by jsonb) and UTF-16 code
/// units that are not part of a pair (no UTF-8 encoding exists for them, so the driver cannot send them; the gateway's
/// and the bus's JSON readers already refuse them, this catches any other caller). Everything
/// else, other control characters included, is stored as given. The submission is refused with the character and its
/// position rather than cleaned, because a silent change to the text would change what the specialists and the audit
/// trail's input hash see (docs/decisions/0016).
/// </summary>
public static class StorableText
{
    /// <summary>Null when <paramref name="value"/> can be stored; otherwise what is wrong and where, e.g.
    /// "U+0000 (NUL) at character 12".</summary>
    public static string? FindUnstorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return $"U+0000 (NUL) at character {i}";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"unpaired surrogate U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} at character {i}";
            }
        }

        return null;
    }
}
