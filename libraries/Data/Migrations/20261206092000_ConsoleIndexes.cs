using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <summary>
    /// Indexes for the console's questions at a million audit records (README, "The console"): the frontier's records
    /// alone (spend, escalation reasons, tokens), every record's step and latency read from the index (the overview's
    /// percentiles), and a job's client reference in its metadata. Plain SQL, as the audit table's own indexes are: the
    /// audit table is partitioned (an index on it is made on every partition) and the metadata index is a jsonb GIN
    /// index, neither of which the model declares; the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261206092000_ConsoleIndexes")]
    public partial class ConsoleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_audit_records_frontier" ON audit_records ("TenantId", "RecordedAt")
                    INCLUDE ("JobId", "Cost", "SentOutside")
                    WHERE "Step" IN ('escalation', 'frontier-shadow');
                CREATE INDEX "IX_audit_records_tenant_time_step" ON audit_records ("TenantId", "RecordedAt") INCLUDE ("Step", "LatencyMs");
                CREATE INDEX "IX_jobs_metadata" ON jobs USING gin ("MetadataJson" jsonb_path_ops) WHERE "MetadataJson" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_jobs_metadata";
                DROP INDEX IF EXISTS "IX_audit_records_tenant_time_step";
                DROP INDEX IF EXISTS "IX_audit_records_frontier";
                """);
        }
    }
}
