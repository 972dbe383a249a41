using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.Supervision;

/// <summary>Marks a resource that must come back by itself when it exits without being asked to (a crash, a kill -9).</summary>
public sealed class RestartOnCrashAnnotation : IResourceAnnotation;
