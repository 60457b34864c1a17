using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CtoRules.CdsHooks.Feedback.Migrations.Postgres
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
                    Uuid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HookInstance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RuleId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    RuleSetId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RuleSetVersion = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuditRecordId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cds_cards", x => x.Uuid);
                });

            migrationBuilder.CreateTable(
                name: "cds_feedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CardUuid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReasonSystem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ReasonDisplay = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UserComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OutcomeTimestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
