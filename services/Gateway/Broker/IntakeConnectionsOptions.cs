using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.Gateway.Broker;

/// <summary>How the gateway keeps the intake virtual host's connections to keys that still work (docs/decisions/0029).</summary>
public sealed class IntakeConnectionsOptions
{
    public const string Section = "IntakeConnections";

    /// <summary>How often the sweeper lists the intake connections and closes those whose key stopped: the longest a
    /// connection outlives an expiry, a rotation's grace or a revocation made outside this gateway (the CLI). A
    /// revocation through this gateway's API closes them at once.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
