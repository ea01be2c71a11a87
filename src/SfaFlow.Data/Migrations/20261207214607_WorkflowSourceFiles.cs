using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SfaFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowSourceFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceFile",
                table: "WorkflowDefinitions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceFile",
                table: "WorkflowDefinitions");
        }
    }
}
