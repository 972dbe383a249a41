using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.Console;

/// <summary>Settings of the console (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The gateway's base address. The default resolves through service discovery
    /// (<c>services__gateway__http__0</c>, which the AppHost's WithReference sets).</summary>
    [Required]
    public Uri GatewayAddress { get; set; } = new("http://gateway");

    /// <summary>How long a signed-in session lasts without a request (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
