using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistPlatform.Data.Migrations
{
    /// <summary>
    /// Every slip tracking number issued for a job (docs/decisions/0028, "superseded"): the workflow records an outcome
    /// only from the due slip, and with this list it can tell a slip it sent and has since replaced (a resend racing a
    /// slow confirm, a stalled-job resend) from one it never sent. Nullable, so existing rows need no rewrite and raw
    /// inserts need no default; the first dispatch after the upgrade starts the list (array_append on null).
    /// </summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261206171000_IssuedSlipTrackingNumbers")]
    public partial class IssuedSlipTrackingNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid[]>(
                name: "IssuedSlipTrackingNumbers",
                table: "jobs",
                type: "uuid[]",
                nullable: true);

            // The slip a job is due from now was issued too.
            migrationBuilder.Sql("""
                UPDATE jobs SET "IssuedSlipTrackingNumbers" = ARRAY["SlipTrackingNumber"] WHERE "SlipTrackingNumber" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IssuedSlipTrackingNumbers",
                table: "jobs");
        }
    }
}
