using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SfaFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AllowedOutcomes",
                table: "Activities",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "EscalatedAt",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "Activities",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "Activities",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Normal");

            migrationBuilder.CreateTable(
                name: "AssignmentCursors",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentCursors", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_IdempotencyKey",
                table: "Activities",
                column: "IdempotencyKey",
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentCursors");

            migrationBuilder.DropIndex(
                name: "IX_Activities_IdempotencyKey",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "AllowedOutcomes",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Activities");
        }
    }
}
