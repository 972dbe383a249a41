using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <summary>
    /// The console overview's aggregates kept as the trail is written (docs/decisions/0027): per tenant, UTC day and
    /// step the record count, a log-scale latency histogram, cost and frontier token sums; per tenant and day the
    /// escalated jobs by normalised reason. The counting is SQL functions, so every writer (the audit writer, the seed
    /// command, this backfill) and the overview's partial days count a record the same way. The backfill takes each
    /// tenant's chain lock, as a writer does, so no append runs half counted beside it. Two indexes serve the parts
    /// the overview still reads raw. The indexes and functions are plain SQL (the audit table is partitioned and the
    /// model declares neither); the two tables are in the model.
    /// </summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261206130000_OverviewRollups")]
    public partial class OverviewRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_step_rollups",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Step = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Records = table.Column<long>(type: "bigint", nullable: false),
                    LatencyHistogram = table.Column<long[]>(type: "bigint[]", nullable: false),
                    Cost = table.Column<decimal>(type: "numeric(24,6)", nullable: false),
                    InputTokens = table.Column<long>(type: "bigint", nullable: false),
                    OutputTokens = table.Column<long>(type: "bigint", nullable: false),
                    TokenRecords = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_step_rollups", x => new { x.TenantId, x.Day, x.Step });
                });

            migrationBuilder.CreateTable(
                name: "audit_escalation_reason_rollups",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Jobs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_escalation_reason_rollups", x => new { x.TenantId, x.Day, x.Reason });
                });

            migrationBuilder.Sql("""
                -- The latency buckets (SpecialistPlatform.Data.Rollups.LatencyHistogram describes the same ones): 1 holds
                -- latencies under 0.1 ms, k >= 2 holds [0.1 * 2^((k-2)/8), 0.1 * 2^((k-1)/8)), 208 is open-ended.
                -- NaN and infinity sort above every number in Postgres, so they land in the last bucket.
                CREATE FUNCTION audit_latency_bucket(latency_ms double precision) RETURNS int
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
                    SELECT CASE WHEN latency_ms >= 1e9 THEN 208
                                WHEN NOT (latency_ms >= 0.1) THEN 1
                                ELSE least(208, 2 + floor(8 * ln(latency_ms / 0.1) / ln(2))::int) END
                $fn$;

                -- A dense 208-bucket histogram from (bucket, count) pairs.
                CREATE FUNCTION audit_histogram_of(buckets int[], counts bigint[]) RETURNS bigint[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
                    SELECT array_agg(coalesce(c.n, 0) ORDER BY b)
                    FROM generate_series(1, 208) b LEFT JOIN unnest(buckets, counts) AS c(bucket, n) ON c.bucket = b
                $fn$;

                CREATE FUNCTION audit_histogram_add(a bigint[], b bigint[]) RETURNS bigint[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
                    SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a
                                ELSE (SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY n)
                                      FROM unnest(a, b) WITH ORDINALITY AS pairs(x, y, n)) END
                $fn$;

                -- Reasons keep their words and lose their numbers and quoted labels, so "confidence 0.41 for 'x' is below
                -- 0.60" and "... 0.38 for 'y' ..." count as one reason; cut to 200 characters to stay a key.
                CREATE FUNCTION audit_escalation_reason(detail text, decision text) RETURNS varchar(200)
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
                    SELECT left(regexp_replace(coalesce(detail, decision), '''[^'']*''|[0-9]+([.][0-9]+)?', '#', 'g'), 200)
                $fn$;

                -- One tenant's records recorded in [p_from, p_to) with sequence in (p_after, p_last], summed per UTC day
                -- and step. Plain SQL and STABLE, so the planner inlines it into the caller's query. Counted per bucket
                -- first and made dense per step after: a native GROUP BY, many times faster than an aggregate that
                -- updates an array per record. Tokens are written into a frontier record's sentOutside as
                -- tokens=in+out; OFFSET 0 keeps the regexp to one evaluation per record.
                CREATE FUNCTION audit_step_totals(p_tenant varchar, p_from timestamptz, p_to timestamptz, p_after bigint, p_last bigint)
                RETURNS TABLE (day date, step varchar, records bigint, latency_histogram bigint[], cost numeric,
                               input_tokens bigint, output_tokens bigint, token_records bigint)
                LANGUAGE sql STABLE AS $fn$
                    SELECT b.day, b.step, sum(b.records)::bigint, audit_histogram_of(array_agg(b.bucket), array_agg(b.records)),
                           sum(b.cost), sum(b.input_tokens)::bigint, sum(b.output_tokens)::bigint, sum(b.token_records)::bigint
                    FROM (SELECT (r."RecordedAt" AT TIME ZONE 'UTC')::date AS day, r."Step" AS step, audit_latency_bucket(r."LatencyMs") AS bucket,
                                 count(*) AS records, sum(r."Cost") AS cost, coalesce(sum(r.tokens[1]::bigint), 0) AS input_tokens,
                                 coalesce(sum(r.tokens[2]::bigint), 0) AS output_tokens, count(r.tokens) AS token_records
                          FROM (SELECT a."RecordedAt", a."Step", a."LatencyMs", a."Cost",
                                       CASE WHEN a."SentOutside" LIKE '%tokens=%'
                                            THEN regexp_match(a."SentOutside", 'tokens=([0-9]+)[+]([0-9]+)') END AS tokens
                                FROM audit_records a
                                WHERE a."TenantId" = p_tenant AND a."RecordedAt" >= p_from AND a."RecordedAt" < p_to
                                  AND a."Sequence" > p_after AND a."Sequence" <= p_last
                                OFFSET 0) r
                          GROUP BY 1, 2, 3) b
                    GROUP BY 1, 2
                $fn$;

                -- The same records' escalated jobs per UTC day and normalised reason. The audit writer keeps one record per
                -- (job, step), so a job escalates once and per-day counts add up to the window's.
                CREATE FUNCTION audit_escalation_reason_totals(p_tenant varchar, p_from timestamptz, p_to timestamptz, p_after bigint, p_last bigint)
                RETURNS TABLE (day date, reason varchar, jobs bigint)
                LANGUAGE sql STABLE AS $fn$
                    SELECT (a."RecordedAt" AT TIME ZONE 'UTC')::date, audit_escalation_reason(a."Detail", a."Decision"), count(DISTINCT a."JobId")
                    FROM audit_records a
                    WHERE a."TenantId" = p_tenant AND a."RecordedAt" >= p_from AND a."RecordedAt" < p_to
                      AND a."Sequence" > p_after AND a."Sequence" <= p_last AND a."Step" = 'escalation'
                    GROUP BY 1, 2
                $fn$;

                -- Adds those records to the rollups. Callers hold the tenant's chain lock (pg_advisory_xact_lock on
                -- 'audit:' || tenant) and call it in the transaction that inserted the records, so each record is added
                -- exactly once; ON CONFLICT makes the first record of a day and step create its row.
                CREATE FUNCTION audit_rollups_add(p_tenant varchar, p_from timestamptz, p_to timestamptz, p_after bigint, p_last bigint)
                RETURNS void
                LANGUAGE sql AS $fn$
                    INSERT INTO audit_step_rollups AS r
                        ("TenantId", "Day", "Step", "Records", "LatencyHistogram", "Cost", "InputTokens", "OutputTokens", "TokenRecords")
                    SELECT p_tenant, t.day, t.step, t.records, t.latency_histogram, t.cost, t.input_tokens, t.output_tokens, t.token_records
                    FROM audit_step_totals(p_tenant, p_from, p_to, p_after, p_last) t
                    ON CONFLICT ("TenantId", "Day", "Step") DO UPDATE SET
                        "Records" = r."Records" + excluded."Records",
                        "LatencyHistogram" = audit_histogram_add(r."LatencyHistogram", excluded."LatencyHistogram"),
                        "Cost" = r."Cost" + excluded."Cost",
                        "InputTokens" = r."InputTokens" + excluded."InputTokens",
                        "OutputTokens" = r."OutputTokens" + excluded."OutputTokens",
                        "TokenRecords" = r."TokenRecords" + excluded."TokenRecords";

                    INSERT INTO audit_escalation_reason_rollups AS r ("TenantId", "Day", "Reason", "Jobs")
                    SELECT p_tenant, t.day, t.reason, t.jobs
                    FROM audit_escalation_reason_totals(p_tenant, p_from, p_to, p_after, p_last) t
                    ON CONFLICT ("TenantId", "Day", "Reason") DO UPDATE SET "Jobs" = r."Jobs" + excluded."Jobs";
                $fn$;

                -- The services write the rollups (the audit writer); their role was given default privileges on new
                -- tables, granted again here so the rollups do not depend on who ran the migration.
                -- The overview's raw parts beside the rollups: escalated jobs (decided = finished and not among them,
                -- reasons on partial days) and jobs by kind and state from the index alone.
                CREATE INDEX "IX_audit_records_escalations" ON audit_records ("TenantId", "RecordedAt") INCLUDE ("JobId")
                    WHERE "Step" = 'escalation';
                CREATE INDEX "IX_jobs_tenant_time_kind_state" ON jobs ("TenantId", "CreatedAt") INCLUDE ("Kind", "Status");

                GRANT SELECT, INSERT, UPDATE ON audit_step_rollups, audit_escalation_reason_rollups TO specialist_service;

                -- Backfill: every tenant's existing trail, each under its chain lock (an audit writer of the version before
                -- this one does not add to the rollups: upgrade with the services stopped, as for every migration).
                DO $backfill$
                DECLARE
                    tenant varchar;
                BEGIN
                    FOR tenant IN SELECT DISTINCT "TenantId" FROM audit_records ORDER BY 1 LOOP
                        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || tenant, 0));
                        PERFORM audit_rollups_add(tenant, '-infinity', 'infinity', 0, 9223372036854775807);
                    END LOOP;
                END
                $backfill$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS audit_rollups_add(varchar, timestamptz, timestamptz, bigint, bigint);
                DROP FUNCTION IF EXISTS audit_escalation_reason_totals(varchar, timestamptz, timestamptz, bigint, bigint);
                DROP FUNCTION IF EXISTS audit_step_totals(varchar, timestamptz, timestamptz, bigint, bigint);
                DROP FUNCTION IF EXISTS audit_escalation_reason(text, text);
                DROP FUNCTION IF EXISTS audit_histogram_add(bigint[], bigint[]);
                DROP FUNCTION IF EXISTS audit_histogram_of(int[], bigint[]);
                DROP INDEX IF EXISTS "IX_jobs_tenant_time_kind_state";
                DROP INDEX IF EXISTS "IX_audit_records_escalations";
                DROP FUNCTION IF EXISTS audit_latency_bucket(double precision);
                """);

            migrationBuilder.DropTable(
                name: "audit_escalation_reason_rollups");

            migrationBuilder.DropTable(
                name: "audit_step_rollups");
        }
    }
}
