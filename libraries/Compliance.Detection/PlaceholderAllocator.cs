namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Numbered typed placeholders for one text: the same value (compared as its type compares values, so a card number
/// however it is spaced) gets the same placeholder, and a placeholder that already occurs in the text is skipped so
/// restoring can never replace the author's own words. Keeps the map <see cref="Redactor.Restore"/> needs.
/// </summary>
internal sealed class PlaceholderAllocator(string text)
{
    private readonly Dictionary<(string Type, string Key), string> _byValue = [];
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

    public Dictionary<string, string> Placeholders { get; } = new(StringComparer.Ordinal);

    public string For(string type, string value)
    {
        var key = (type, Redactor.IdentityKey(type, value));
        if (_byValue.TryGetValue(key, out var existing))
            return existing;
        string placeholder;
        do
        {
            _counters[type] = _counters.GetValueOrDefault(type) + 1;
            placeholder = $"<{type}_{_counters[type]}>";
        }
        while (text.Contains(placeholder, StringComparison.OrdinalIgnoreCase));
        _byValue[key] = placeholder;
        Placeholders[placeholder] = value;
        return placeholder;
    }
}
