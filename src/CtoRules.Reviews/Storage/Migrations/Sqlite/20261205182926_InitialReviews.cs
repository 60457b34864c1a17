using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CtoRules.Reviews.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleSetId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BaseVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SuggestedVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SuggestedBump = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DiffMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    CorpusPassed = table.Column<int>(type: "INTEGER", nullable: false),
                    CorpusFailed = table.Column<int>(type: "INTEGER", nullable: false),
                    CorpusErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    MutantsKilled = table.Column<int>(type: "INTEGER", nullable: true),
                    MutantsTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    MutationScore = table.Column<double>(type: "REAL", nullable: true),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Diagnostics = table.Column<string>(type: "TEXT", nullable: false),
                    PackPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSteps_ReviewSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "ReviewSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSteps_SubmissionId",
                table: "ReviewSteps",
                column: "SubmissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewSteps");

            migrationBuilder.DropTable(
                name: "ReviewSubmissions");
        }
    }
}
