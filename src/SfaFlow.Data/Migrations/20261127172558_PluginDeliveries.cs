using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SfaFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class PluginDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PluginDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    PluginId = table.Column<string>(type: "TEXT", nullable: false),
                    Listener = table.Column<string>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GaveUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PluginDeliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PluginDeliveries_DeliveredAt",
                table: "PluginDeliveries",
                column: "DeliveredAt",
                filter: "\"DeliveredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PluginDeliveries_EventId_PluginId_Listener",
                table: "PluginDeliveries",
                columns: new[] { "EventId", "PluginId", "Listener" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PluginDeliveries_NextAttemptAt_Id",
                table: "PluginDeliveries",
                columns: new[] { "NextAttemptAt", "Id" },
                filter: "\"DeliveredAt\" IS NULL AND \"GaveUpAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PluginDeliveries");
        }
    }
}
