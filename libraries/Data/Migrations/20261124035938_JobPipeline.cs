using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DispatchedAt",
                table: "jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_chain_heads",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_heads", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_jobs_undispatched",
                table: "jobs",
                column: "CreatedAt",
                filter: "\"DispatchedAt\" IS NULL");

            // The audit trail: append-only, partitioned by month, hash-chained per tenant. EF cannot declare a
            // partitioned table, so it is plain SQL; the entity is mapped with ExcludeFromMigrations.
            migrationBuilder.Sql("""
                CREATE TABLE audit_records (
                    "TenantId"     varchar(64)  NOT NULL,
                    "Sequence"     bigint       NOT NULL,
                    "JobId"        uuid         NOT NULL,
                    "Step"         varchar(50)  NOT NULL,
                    "Service"      varchar(100) NOT NULL,
                    "Model"        varchar(200),
                    "ModelVersion" varchar(100),
                    "InputSha256"  char(64)     NOT NULL,
                    "Decision"     varchar(200) NOT NULL,
                    "Confidence"   double precision,
                    "LatencyMs"    double precision NOT NULL,
                    "Cost"         numeric(18,6) NOT NULL,
                    "Redacted"     text,
                    "SentOutside"  text,
                    "Detail"       text,
                    "OccurredAt"   timestamptz  NOT NULL,
                    "RecordedAt"   timestamptz  NOT NULL,
                    "PrevHash"     char(64)     NOT NULL,
                    "Hash"         char(64)     NOT NULL,
                    PRIMARY KEY ("TenantId", "Sequence", "RecordedAt")
                ) PARTITION BY RANGE ("RecordedAt");

                -- The auditor's questions: a tenant's records over time, filtered by step, decision or model; a job's records.
                CREATE INDEX "IX_audit_records_tenant_time" ON audit_records ("TenantId", "RecordedAt");
                CREATE INDEX "IX_audit_records_job" ON audit_records ("JobId", "Step");
                CREATE INDEX "IX_audit_records_tenant_model" ON audit_records ("TenantId", "Model", "RecordedAt");

                CREATE TABLE audit_records_default PARTITION OF audit_records DEFAULT;

                -- Monthly partitions from this month on; SECURITY DEFINER so the services' role, which cannot
                -- create tables, can still ask for next month's partition.
                CREATE FUNCTION ensure_audit_partitions(months_ahead int) RETURNS void
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
                DECLARE
                    month_start date;
                    partition_name text;
                BEGIN
                    FOR i IN 0..months_ahead LOOP
                        month_start := date_trunc('month', now() AT TIME ZONE 'UTC')::date + make_interval(months => i);
                        partition_name := format('audit_records_%s', to_char(month_start, 'YYYY_MM'));
                        IF to_regclass(partition_name) IS NULL THEN
                            EXECUTE format(
                                'CREATE TABLE %I PARTITION OF audit_records FOR VALUES FROM (%L) TO (%L)',
                                partition_name, month_start::timestamptz, (month_start + interval '1 month')::timestamptz);
                        END IF;
                    END LOOP;
                END
                $fn$;
                SELECT ensure_audit_partitions(2);

                -- Append-only, even for roles that could otherwise write: an update or delete is refused.
                CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    RAISE EXCEPTION 'audit records are append-only (% refused)', TG_OP;
                END
                $fn$;
                CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
                    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

                -- The services' role: everything they need, but audit records only to read and insert.
                DO $roles$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'specialist_service') THEN
                        CREATE ROLE specialist_service LOGIN;
                    END IF;
                END
                $roles$;
                GRANT USAGE ON SCHEMA public TO specialist_service;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO specialist_service;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO specialist_service;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO specialist_service;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO specialist_service;
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_records FROM specialist_service;
                GRANT SELECT, INSERT ON audit_records TO specialist_service;
                GRANT EXECUTE ON FUNCTION ensure_audit_partitions(int) TO specialist_service;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS audit_records;
                DROP FUNCTION IF EXISTS ensure_audit_partitions(int);
                DROP FUNCTION IF EXISTS refuse_audit_change();
                """);

            migrationBuilder.DropTable(
                name: "audit_chain_heads");

            migrationBuilder.DropIndex(
                name: "IX_jobs_undispatched",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "DispatchedAt",
                table: "jobs");
        }
    }
}
