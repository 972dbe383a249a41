using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Data;

/// <summary>The platform's relational store: tenants and keys, jobs; the audit trail, evaluations and the model
/// registry join it as their issues land. Schema changes go through migrations (see README).</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<AuditStepRollup> AuditStepRollups => Set<AuditStepRollup>();
    public DbSet<AuditEscalationReasonRollup> AuditEscalationReasonRollups => Set<AuditEscalationReasonRollup>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<ShadowComparison> ShadowComparisons => Set<ShadowComparison>();
    public DbSet<FrontierComparison> FrontierComparisons => Set<FrontierComparison>();
    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.HasKey(t => t.Id);
            tenant.Property(t => t.Id).HasMaxLength(64);
            tenant.Property(t => t.Name).HasMaxLength(200);
            tenant.HasMany(t => t.ApiKeys).WithOne().HasForeignKey(k => k.TenantId);
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.Property(k => k.KeyHash).HasMaxLength(64);
            key.HasIndex(k => k.KeyHash).IsUnique();
        });

        modelBuilder.Entity<Job>(job =>
        {
            job.ToTable("jobs");
            job.HasKey(j => j.Id);
            job.Property(j => j.TenantId).HasMaxLength(64);
            job.Property(j => j.Kind).HasMaxLength(100);
            job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
            job.Property(j => j.IdempotencyKey).HasMaxLength(200);
            job.Property(j => j.TextSha256).HasMaxLength(64);
            job.Property(j => j.MetadataJson).HasColumnType("jsonb");
            job.Property(j => j.ResultJson).HasColumnType("jsonb");
            job.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId);
            // A retried submission with the same Idempotency-Key finds the job it already created.
            job.HasIndex(j => new { j.TenantId, j.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
            job.HasIndex(j => new { j.TenantId, j.CreatedAt });
            job.HasIndex(j => j.CreatedAt).HasFilter("\"DispatchedAt\" IS NULL").HasDatabaseName("IX_jobs_undispatched");
            // The stalled-job sweeper's scan: dispatched jobs that have not finished, oldest dispatch first.
            job.HasIndex(j => j.DispatchedAt).HasFilter("\"Status\" IN ('Accepted', 'Running') AND \"DispatchedAt\" IS NOT NULL")
                .HasDatabaseName("IX_jobs_in_flight");
        });

        // Created by hand-written SQL in the AuditTrail migration: EF cannot declare a partitioned table.
        modelBuilder.Entity<AuditRecord>(record =>
        {
            record.ToTable("audit_records", table => table.ExcludeFromMigrations());
            record.HasKey(r => new { r.TenantId, r.Sequence, r.RecordedAt });
        });

        modelBuilder.Entity<AuditChainHead>(head =>
        {
            head.ToTable("audit_chain_heads");
            head.HasKey(h => h.TenantId);
            head.Property(h => h.TenantId).HasMaxLength(64);
            head.Property(h => h.Hash).HasMaxLength(64);
        });

        // The overview's aggregates, kept per tenant, UTC day and step as the audit writer appends (docs/decisions/0027).
        modelBuilder.Entity<AuditStepRollup>(rollup =>
        {
            rollup.ToTable("audit_step_rollups");
            rollup.HasKey(r => new { r.TenantId, r.Day, r.Step });
            rollup.Property(r => r.TenantId).HasMaxLength(64);
            rollup.Property(r => r.Step).HasMaxLength(50);
            rollup.Property(r => r.Cost).HasColumnType("numeric(24,6)");
        });

        modelBuilder.Entity<AuditEscalationReasonRollup>(rollup =>
        {
            rollup.ToTable("audit_escalation_reason_rollups");
            rollup.HasKey(r => new { r.TenantId, r.Day, r.Reason });
            rollup.Property(r => r.TenantId).HasMaxLength(64);
            rollup.Property(r => r.Reason).HasMaxLength(200);
        });

        modelBuilder.Entity<ModelVersion>(model =>
        {
            model.ToTable("model_versions");
            model.HasKey(m => m.Id);
            model.Property(m => m.Task).HasMaxLength(32);
            model.Property(m => m.Name).HasMaxLength(100);
            model.Property(m => m.Version).HasMaxLength(64);
            model.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            model.Property(m => m.ArtifactSha256).HasMaxLength(64);
            model.Property(m => m.TrainingDataSha256).HasMaxLength(64);
            model.Property(m => m.MetricsJson).HasColumnType("jsonb");
            model.HasIndex(m => new { m.Task, m.Name, m.Version }).IsUnique();
            // The database, not the code, guarantees one active and one shadow version per model at any time.
            model.HasIndex(m => new { m.Task, m.Name }, "IX_model_versions_one_active").IsUnique().HasFilter("\"Status\" = 'Active'");
            model.HasIndex(m => new { m.Task, m.Name }, "IX_model_versions_one_shadow").IsUnique().HasFilter("\"Status\" = 'Shadow'");
        });

        modelBuilder.Entity<FrontierComparison>(comparison =>
        {
            comparison.ToTable("frontier_comparisons");
            comparison.HasKey(c => c.Id);
            comparison.Property(c => c.TenantId).HasMaxLength(64);
            comparison.Property(c => c.Kind).HasMaxLength(100);
            comparison.Property(c => c.ModelVersion).HasMaxLength(64);
            comparison.Property(c => c.SpecialistLabel).HasMaxLength(200);
            comparison.Property(c => c.FrontierLabel).HasMaxLength(200);
            comparison.Property(c => c.FrontierModel).HasMaxLength(200);
            // A redelivered comparison must not count twice.
            comparison.HasIndex(c => c.JobId).IsUnique();
            comparison.HasIndex(c => new { c.ModelVersion, c.CreatedAt });
        });

        modelBuilder.Entity<ShadowComparison>(comparison =>
        {
            comparison.ToTable("shadow_comparisons");
            comparison.HasKey(c => c.Id);
            comparison.Property(c => c.DisagreementsJson).HasColumnType("jsonb");
            comparison.HasIndex(c => new { c.ShadowModelId, c.WindowStart });
            comparison.HasOne<ModelVersion>().WithMany().HasForeignKey(c => c.ShadowModelId);
            comparison.HasOne<ModelVersion>().WithMany().HasForeignKey(c => c.ActiveModelId);
        });

        modelBuilder.Entity<EvaluationRun>(run =>
        {
            run.ToTable("evaluation_runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Kind).HasMaxLength(32);
            run.Property(r => r.Task).HasMaxLength(32);
            run.Property(r => r.ModelName).HasMaxLength(100);
            run.Property(r => r.ModelVersion).HasMaxLength(64);
            run.Property(r => r.ModelSha256).HasMaxLength(64);
            run.Property(r => r.DatasetSha256).HasMaxLength(64);
            run.Property(r => r.TenantId).HasMaxLength(64);
            // One summary per tenant, model version and window, however many instances close windows.
            run.HasIndex(r => new { r.Kind, r.TenantId, r.ModelVersion, r.WindowStart }).IsUnique();
            run.HasIndex(r => r.CreatedAt);
            run.Property(r => r.DatasetSource).HasMaxLength(1000);
            run.Property(r => r.MetricsJson).HasColumnType("jsonb");
            run.Property(r => r.PerClassJson).HasColumnType("jsonb");
            run.Property(r => r.SweepJson).HasColumnType("jsonb");
            run.Property(r => r.ReliabilityJson).HasColumnType("jsonb");
            run.Property(r => r.ConfusionsJson).HasColumnType("jsonb");
            // Runs are looked up per model (trend of one version, or of one model name over versions).
            run.HasIndex(r => new { r.ModelSha256, r.CreatedAt });
            run.HasIndex(r => new { r.Task, r.ModelName, r.CreatedAt });
        });
    }
}
