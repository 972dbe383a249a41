using Aspire.Hosting.ApplicationModel;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>A private PostgreSQL cluster. Its own connection string is the database owner's, which only the
/// migrations use; the services get a <see cref="PostgresDatabaseResource"/> that connects as a restricted role.</summary>
public sealed class PostgresServerResource(string name, string command, string dataDirectory)
    : LocalServerResource(name, command, dataDirectory, "postgres")
{
    public const string Owner = "postgres";

    public string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");

    public override ReferenceExpression ConnectionStringExpression => ConnectionStringFor(Owner, ResourceNames.DatabaseName);

    public ReferenceExpression ConnectionStringFor(string user, string database) =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={user};Database={database}");
}
