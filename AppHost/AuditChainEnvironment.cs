namespace SpecialistPlatform.AppHost;

/// <summary>What a service that seals or verifies the audit trail gets: the key (a secret parameter) and the
/// checkpoint folder, as the <c>Audit</c> options section.</summary>
public static class AuditChainEnvironment
{
    public static IResourceBuilder<ProjectResource> WithAuditChain(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<ParameterResource> key, PlatformSettings settings) =>
        project
            .WithEnvironment("Audit__ChainKey", key)
            .WithEnvironment("Audit__CheckpointDirectory", settings.AuditCheckpointDirectory);
}
