using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SfaFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class StageTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StageTimes",
                columns: table => new
                {
                    OpportunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    StageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Visits = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstEnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastEnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastExitedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InStage = table.Column<bool>(type: "INTEGER", nullable: false),
                    CumulativeSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    LatestSeconds = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageTimes", x => new { x.OpportunityId, x.StageId });
                    table.ForeignKey(
                        name: "FK_StageTimes_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StageTimes_StageId",
                table: "StageTimes",
                column: "StageId");

            // Databases made before this migration have visits already: sum them up once, as the runtime would have.
            migrationBuilder.Sql("""
                INSERT INTO StageTimes (OpportunityId, StageId, Visits, FirstEnteredAt, LastEnteredAt, LastExitedAt, InStage, CumulativeSeconds, LatestSeconds)
                SELECT v.OpportunityId, v.StageId, COUNT(*), MIN(v.EnteredAt), MAX(v.EnteredAt), MAX(v.ExitedAt),
                       MAX(CASE WHEN v.ExitedAt IS NULL THEN 1 ELSE 0 END), COALESCE(SUM(v.DurationSeconds), 0),
                       (SELECT l.DurationSeconds FROM StageVisits l
                        WHERE l.OpportunityId = v.OpportunityId AND l.StageId = v.StageId AND l.ExitedAt IS NOT NULL
                        ORDER BY l.EnteredAt DESC LIMIT 1)
                FROM StageVisits v
                GROUP BY v.OpportunityId, v.StageId;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StageTimes");
        }
    }
}
