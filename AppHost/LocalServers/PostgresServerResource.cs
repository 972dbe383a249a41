using Aspire.Hosting.ApplicationModel;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>A private PostgreSQL cluster. Its own connection string is the database owner's, which only the
/// migrations use; the services get a <see cref="PostgresDatabaseResource"/> that connects as a restricted role.
/// Every login proves a password (SCRAM-SHA-256); both passwords are secret parameters, generated once per data folder.</summary>
public sealed class PostgresServerResource(
    string name, string command, string dataDirectory, ParameterResource ownerPassword, ParameterResource servicePassword)
    : LocalServerResource(name, command, dataDirectory, "postgres")
{
    public const string Owner = "postgres";

    public string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");

    public ParameterResource OwnerPassword { get; } = ownerPassword;

    /// <summary>The password of <see cref="ResourceNames.ServiceDatabaseRole"/>, which the migrations give the role.</summary>
    public ParameterResource ServicePassword { get; } = servicePassword;

    public override ReferenceExpression ConnectionStringExpression => ConnectionStringFor(Owner, OwnerPassword, ResourceNames.DatabaseName);

    public ReferenceExpression ConnectionStringFor(string user, ParameterResource password, string database) =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={user};Password={password};Database={database}");
}
