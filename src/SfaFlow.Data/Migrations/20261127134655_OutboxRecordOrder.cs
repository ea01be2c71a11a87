using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SfaFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxRecordOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CorrelationId_OccurredAt_Id",
                table: "OutboxMessages",
                columns: new[] { "CorrelationId", "OccurredAt", "Id" },
                filter: "\"DispatchedAt\" IS NULL AND \"GaveUpAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_CorrelationId_OccurredAt_Id",
                table: "OutboxMessages");
        }
    }
}
