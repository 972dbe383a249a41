using Aspire.Hosting.ApplicationModel;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>The platform's database as the services see it: the restricted role the migrations create, which may insert
/// audit records but never change them.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public PostgresServerResource Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression =>
        Parent.ConnectionStringFor(ResourceNames.ServiceDatabaseRole, Parent.ServicePassword, ResourceNames.DatabaseName);
}
