using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class StalledJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StallRedispatches",
                table: "jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_jobs_in_flight",
                table: "jobs",
                column: "DispatchedAt",
                filter: "\"Status\" IN ('Accepted', 'Running') AND \"DispatchedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_jobs_in_flight",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "StallRedispatches",
                table: "jobs");
        }
    }
}
