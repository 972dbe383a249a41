namespace SpecialistPlatform.Contracts;

/// <summary>
/// The one place that names the platform's resources. The AppHost, every service and the tests use these
/// constants, so a typo cannot split one resource into two across processes.
/// </summary>
public static class ResourceNames
{
    /// <summary>Connection-string names, read by services as <c>ConnectionStrings:&lt;name&gt;</c>.</summary>
    public static class ConnectionStrings
    {
        public const string PlatformDatabase = "platformdb";
        public const string Redis = "redis";
        public const string RabbitMq = "rabbitmq";
    }

    /// <summary>Infrastructure resources the AppHost provisions.</summary>
    public static class Servers
    {
        public const string Postgres = "postgres";
        public const string Redis = "redis";
        public const string RabbitMq = "rabbitmq";
    }

    /// <summary>Service names: process names in the AppHost, OpenTelemetry service names, log prefixes.</summary>
    public static class Services
    {
        public const string Gateway = "gateway";
        public const string IntentClassifier = "intent-classifier";
        public const string ComplianceChecker = "compliance-checker";
        public const string Extraction = "extraction";
        public const string FrontierEscalation = "frontier-escalation";

        public static readonly IReadOnlyList<string> All =
            [Gateway, IntentClassifier, ComplianceChecker, Extraction, FrontierEscalation];
    }

    /// <summary>The database the platform keeps its jobs, audit trail, evaluations and model registry in.</summary>
    public const string DatabaseName = "specialist";

    /// <summary>Environment variable through which the AppHost tells each service its pid, so an orphaned
    /// service stops itself when the AppHost is gone.</summary>
    public const string AppHostPidVariable = "SPECIALIST_APPHOST_PID";
}
