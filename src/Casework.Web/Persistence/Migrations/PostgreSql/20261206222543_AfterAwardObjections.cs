using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AfterAwardObjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BesluitBezwaren",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Besluit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Verzenddatum = table.Column<DateOnly>(type: "date", nullable: false),
                    BezwaarUiterlijk = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LodgedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LodgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BesluitBezwaren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BesluitBezwaren_Cases_Id",
                        column: x => x.Id,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BesluitBezwaren_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BesluitBezwaren_ApplicationId_Besluit",
                table: "BesluitBezwaren",
                columns: new[] { "ApplicationId", "Besluit" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BesluitBezwaren");
        }
    }
}
