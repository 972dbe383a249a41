using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluation_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Task = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ModelName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ModelVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ModelSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DatasetSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DatasetRows = table.Column<int>(type: "integer", nullable: false),
                    DatasetSource = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MetricsJson = table.Column<string>(type: "jsonb", nullable: false),
                    PerClassJson = table.Column<string>(type: "jsonb", nullable: false),
                    LatencyP50Ms = table.Column<double>(type: "double precision", nullable: true),
                    LatencyP95Ms = table.Column<double>(type: "double precision", nullable: true),
                    LatencyP99Ms = table.Column<double>(type: "double precision", nullable: true),
                    SpecialistCostPer1k = table.Column<double>(type: "double precision", nullable: true),
                    FrontierCostPer1k = table.Column<double>(type: "double precision", nullable: true),
                    CascadeCostPer1k = table.Column<double>(type: "double precision", nullable: true),
                    EscalationThreshold = table.Column<double>(type: "double precision", nullable: true),
                    FrontierAccuracyAssumed = table.Column<bool>(type: "boolean", nullable: false),
                    SweepJson = table.Column<string>(type: "jsonb", nullable: false),
                    ReliabilityJson = table.Column<string>(type: "jsonb", nullable: false),
                    ConfusionsJson = table.Column<string>(type: "jsonb", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_runs_ModelSha256_CreatedAt",
                table: "evaluation_runs",
                columns: new[] { "ModelSha256", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_runs_Task_ModelName_CreatedAt",
                table: "evaluation_runs",
                columns: new[] { "Task", "ModelName", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_runs");
        }
    }
}
