using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <summary>
    /// The routing slip each job is due to end from (docs/decisions/0028): the workflow accepts an outcome only from the
    /// slip whose tracking number this column holds. Existing rows stay null; a dispatched job with no stored slip is
    /// trusted as before, one never dispatched accepts no slip's outcome.
    /// </summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261206123000_SlipTrackingNumbers")]
    public partial class SlipTrackingNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SlipTrackingNumber",
                table: "jobs",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SlipTrackingNumber",
                table: "jobs");
        }
    }
}
