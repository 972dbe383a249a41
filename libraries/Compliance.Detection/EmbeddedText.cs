namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// The text files this library ships inside itself (word lists, name lists, the negative utterances, the hand-written
/// training sets), read by their logical resource name. A resource that is not there is a broken build, not bad input:
/// it throws.
/// </summary>
internal static class EmbeddedText
{
    /// <summary>The whole text of the resource.</summary>
    public static string Read(string logicalName)
    {
        using var reader = Open(logicalName);
        return reader.ReadToEnd();
    }

    /// <summary>The resource's lines as written (line breaks of either kind removed).</summary>
    public static List<string> Lines(string logicalName)
    {
        using var reader = Open(logicalName);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            lines.Add(line);
        return lines;
    }

    private static StreamReader Open(string logicalName) =>
        new(typeof(EmbeddedText).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The resource {logicalName} is missing from the build."));
}
