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

        /// <summary>The database as its owner (the Postgres server resource's own connection string): migrations only.</summary>
        public const string DatabaseOwner = "postgres";
        public const string Redis = "redis";
        public const string RabbitMq = "rabbitmq";

        /// <summary>The broker's intake virtual host, where outside applications submit jobs and read their results:
        /// the workflow's second connection.</summary>
        public const string RabbitMqIntake = "rabbitmq-intake";

        /// <summary>The broker's management HTTP API (<c>http://user:password@host:port/</c>) as the gateway's
        /// connection sweeper, which closes intake connections of keys that stopped (docs/decisions/0029).</summary>
        public const string RabbitMqManagement = "rabbitmq-management";
    }

    /// <summary>Infrastructure resources the AppHost provisions.</summary>
    public static class Servers
    {
        public const string Postgres = "postgres";
        public const string Redis = "redis";
        public const string RabbitMq = "rabbitmq";

        /// <summary>RabbitMQ's own Erlang port mapper, started before the node.</summary>
        public const string RabbitMqEpmd = "rabbitmq-epmd";
    }

    /// <summary>Service names: process names in the AppHost, OpenTelemetry service names, log prefixes.</summary>
    public static class Services
    {
        public const string Gateway = "gateway";
        public const string IntentClassifier = "intent-classifier";
        public const string ComplianceChecker = "compliance-checker";
        public const string Extraction = "extraction";
        public const string FrontierEscalation = "frontier-escalation";
        public const string Workflow = "workflow";

        /// <summary>The web console for auditors, operators and payers: a client of the gateway, not one of the services
        /// that process jobs (so not in <see cref="All"/>).</summary>
        public const string Console = "console";

        /// <summary>The short-lived worker that applies the schema and seeds the development tenant.</summary>
        public const string DatabaseMigrations = "migrations";

        /// <summary>The operator's command line (<c>specialist keys</c>), named in the audit records it writes; not a running service.</summary>
        public const string Cli = "cli";

        public static readonly IReadOnlyList<string> All =
            [Gateway, Workflow, IntentClassifier, ComplianceChecker, Extraction, FrontierEscalation];
    }

    /// <summary>Queues with fixed names: the workflow's inputs and the steps' Courier execute endpoints.</summary>
    public static class Queues
    {
        public const string StartJob = "start-job";

        /// <summary>Raw JSON intake for any AMQP client, in the intake virtual host: a camelCase <c>SubmitJob</c> body,
        /// no envelope.</summary>
        public const string RawJobIntake = "job-intake";

        /// <summary>The workflow's relay of job ends to the intake virtual host (IntakeTopology).</summary>
        public const string IntakeAnswers = "intake-answers";

        public const string Audit = "record-audit";
        public const string JobEvents = "job-events";
        public const string CheckCompliance = "check-compliance_execute";
        public const string ClassifyIntent = "classify-intent_execute";
        public const string ExtractFields = "extract-fields_execute";
        public const string Escalate = "escalate_execute";
        public const string CompareWithFrontier = "compare-with-frontier";

        /// <summary>The compliance checker's batch detection requests (<c>DetectPersonalData</c>), sent by the gateway.</summary>
        public const string DetectPersonalData = "detect-personal-data";

        /// <summary>The compliance checker's batch moderation requests (<c>ModerateTexts</c>), sent by the gateway.</summary>
        public const string ModerateTexts = "moderate-texts";
    }

    /// <summary>Step names as they appear in pipelines, audit records and results.</summary>
    public static class Steps
    {
        public const string Intake = "intake";
        public const string Compliance = "compliance";

        /// <summary>Harmful content and instructions aimed at a model, scored in the compliance step beside personal data
        /// (docs/decisions/0025): its own audit record, so an auditor can query it apart from the redaction.</summary>
        public const string Moderation = "moderation";
        public const string Intent = "intent";
        public const string Extraction = "extraction";
        public const string Escalation = "escalation";

        /// <summary>A shadow comparison's call to the frontier (not a step of the job's pipeline, but text sent outside).</summary>
        public const string FrontierShadow = "frontier-shadow";
        public const string Completion = "completion";

        /// <summary>An outcome the workflow did not record because it did not come from the job's due routing slip
        /// (docs/decisions/0028): a stale slip's late end or a forgery. The record's JobId is the rejection's own id; its
        /// Detail names the job.</summary>
        public const string OutcomeCheck = "outcome-check";

        /// <summary>An audit record sent on the bus for a job of another tenant than the one it names, not written into
        /// the named tenant's trail; this record in the job's own tenant's trail tells of it. Its JobId is the
        /// rejection's own id; its Detail names the job.</summary>
        public const string AuditCheck = "audit-check";

        /// <summary>An API key created, rotated or revoked (not a job's step: the record's JobId is the change's own id).</summary>
        public const string KeyManagement = "key-management";

        /// <summary>A model version promoted, rolled back or retired: written into every tenant's trail, since the
        /// registry's models decide every tenant's jobs (the record's JobId is the change's own id).</summary>
        public const string ModelRegistry = "model-registry";
    }

    /// <summary>Postgres role the services connect as: it may insert audit records but never change them.</summary>
    public const string ServiceDatabaseRole = "specialist_service";

    /// <summary>The database the platform keeps its jobs, audit trail, evaluations and model registry in.</summary>
    public const string DatabaseName = "specialist";
}
