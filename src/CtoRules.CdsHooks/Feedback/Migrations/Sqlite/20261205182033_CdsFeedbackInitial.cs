using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CtoRules.CdsHooks.Feedback.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CdsFeedbackInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cds_cards",
                columns: table => new
                {
                    Uuid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HookInstance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuditRecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cds_cards", x => x.Uuid);
                });

            migrationBuilder.CreateTable(
                name: "cds_feedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CardUuid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReasonSystem = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReasonDisplay = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UserComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OutcomeTimestamp = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cds_feedback", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cds_cards_RuleId_RuleSetVersion",
                table: "cds_cards",
                columns: new[] { "RuleId", "RuleSetVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_cds_feedback_CardUuid_Outcome_OutcomeTimestamp",
                table: "cds_feedback",
                columns: new[] { "CardUuid", "Outcome", "OutcomeTimestamp" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cds_cards");

            migrationBuilder.DropTable(
                name: "cds_feedback");
        }
    }
}
