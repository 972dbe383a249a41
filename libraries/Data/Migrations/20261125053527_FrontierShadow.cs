using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class FrontierShadow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "frontier_comparisons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SpecialistLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SpecialistConfidence = table.Column<double>(type: "double precision", nullable: false),
                    FrontierLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FrontierModel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Agreed = table.Column<bool>(type: "boolean", nullable: false),
                    Problem = table.Column<string>(type: "text", nullable: true),
                    Cost = table.Column<decimal>(type: "numeric", nullable: false),
                    FrontierLatencyMs = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_frontier_comparisons", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_frontier_comparisons_JobId",
                table: "frontier_comparisons",
                column: "JobId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_frontier_comparisons_ModelVersion_CreatedAt",
                table: "frontier_comparisons",
                columns: new[] { "ModelVersion", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "frontier_comparisons");
        }
    }
}
