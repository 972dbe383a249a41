using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModelRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Task = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Artifact = table.Column<byte[]>(type: "bytea", nullable: false),
                    ArtifactSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TrainingDataSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MetricsJson = table.Column<string>(type: "jsonb", nullable: false),
                    EscalationThreshold = table.Column<double>(type: "double precision", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shadow_comparisons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShadowModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActiveModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    WindowStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WindowEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Compared = table.Column<int>(type: "integer", nullable: false),
                    Agreed = table.Column<int>(type: "integer", nullable: false),
                    DisagreementsJson = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shadow_comparisons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_shadow_comparisons_model_versions_ActiveModelId",
                        column: x => x.ActiveModelId,
                        principalTable: "model_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_shadow_comparisons_model_versions_ShadowModelId",
                        column: x => x.ShadowModelId,
                        principalTable: "model_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_model_versions_one_active",
                table: "model_versions",
                columns: new[] { "Task", "Name" },
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_model_versions_one_shadow",
                table: "model_versions",
                columns: new[] { "Task", "Name" },
                unique: true,
                filter: "\"Status\" = 'Shadow'");

            migrationBuilder.CreateIndex(
                name: "IX_model_versions_Task_Name_Version",
                table: "model_versions",
                columns: new[] { "Task", "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shadow_comparisons_ActiveModelId",
                table: "shadow_comparisons",
                column: "ActiveModelId");

            migrationBuilder.CreateIndex(
                name: "IX_shadow_comparisons_ShadowModelId_WindowStart",
                table: "shadow_comparisons",
                columns: new[] { "ShadowModelId", "WindowStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shadow_comparisons");

            migrationBuilder.DropTable(
                name: "model_versions");
        }
    }
}
