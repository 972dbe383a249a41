namespace SpecialistPlatform.Provisioning;

/// <summary>Where the output of started processes goes: one line at a time with the resource's name, so the
/// AppHost can prefix and colour it and a test can keep it for its failure message.</summary>
public delegate void ProcessLog(string resource, string line);

public static class ProcessLogs
{
    public static readonly ProcessLog None = static (_, _) => { };

    public static ProcessLog Console { get; } = static (resource, line) =>
        System.Console.Out.WriteLine($"[{resource}] {line}");
}
