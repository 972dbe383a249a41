using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShadowWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "FrontierLatencyMs",
                table: "frontier_comparisons",
                type: "double precision",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "double precision");

            migrationBuilder.AddColumn<bool>(
                name: "FromEscalation",
                table: "frontier_comparisons",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "evaluation_runs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WindowEnd",
                table: "evaluation_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WindowStart",
                table: "evaluation_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_runs_CreatedAt",
                table: "evaluation_runs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_runs_Kind_TenantId_ModelVersion_WindowStart",
                table: "evaluation_runs",
                columns: new[] { "Kind", "TenantId", "ModelVersion", "WindowStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_evaluation_runs_CreatedAt",
                table: "evaluation_runs");

            migrationBuilder.DropIndex(
                name: "IX_evaluation_runs_Kind_TenantId_ModelVersion_WindowStart",
                table: "evaluation_runs");

            migrationBuilder.DropColumn(
                name: "FromEscalation",
                table: "frontier_comparisons");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "evaluation_runs");

            migrationBuilder.DropColumn(
                name: "WindowEnd",
                table: "evaluation_runs");

            migrationBuilder.DropColumn(
                name: "WindowStart",
                table: "evaluation_runs");

            migrationBuilder.AlterColumn<double>(
                name: "FrontierLatencyMs",
                table: "frontier_comparisons",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "double precision",
                oldNullable: true);
        }
    }
}
