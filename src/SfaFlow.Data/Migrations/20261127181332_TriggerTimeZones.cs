using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SfaFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class TriggerTimeZones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "WorkflowTriggers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "WorkflowTriggers");
        }
    }
}
