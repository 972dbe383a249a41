using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>A private Redis for short-lived state (idempotency keys, frontier budgets, result cache). It answers no
/// command before AUTH with <see cref="Password"/>, a secret parameter generated once per data folder.</summary>
public sealed class RedisServerResource(string name, string command, string dataDirectory, ParameterResource password)
    : LocalServerResource(name, command, dataDirectory, "redis")
{
    public ParameterResource Password { get; } = password;

    /// <summary>Where the server reads its password from (mode 0600, the redis user's): never its command line,
    /// which every local user can read in <c>ps</c>.</summary>
    public string ConfigFile => Path.Combine(DataDirectory, "redis.conf");

    public override ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={Password}");
}
