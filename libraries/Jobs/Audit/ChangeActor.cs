namespace SpecialistPlatform.Jobs.Audit;

/// <summary>Who changes a key or the model registry: the service writing the record, and the caller in it
/// ("key:&lt;id&gt;" for a gateway request, "os-user:&lt;name&gt;" for the command line).</summary>
public sealed record ChangeActor(string Service, string By);
