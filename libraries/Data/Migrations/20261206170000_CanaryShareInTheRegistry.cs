using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <summary>
    /// The shadow version's canary share as a registry setting (docs/decisions/0030): set by a platform admin, followed
    /// by the serving services at their next registry refresh. Existing rows stay null, which means "the service's own
    /// CanaryShare setting", so nothing changes for a running platform until someone sets a share.
    /// </summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261206170000_CanaryShareInTheRegistry")]
    public partial class CanaryShareInTheRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CanaryShare",
                table: "model_versions",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CanaryShare",
                table: "model_versions");
        }
    }
}
