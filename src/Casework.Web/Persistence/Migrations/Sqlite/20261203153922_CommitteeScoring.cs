using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommitteeScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommitteeChairs",
                columns: table => new
                {
                    Committee = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AppointedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AppointedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeChairs", x => x.Committee);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMemberScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Committee = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MemberUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScoresJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    RecusalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMemberScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeMemberScores_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMemberScores_ApplicationId_MemberUserId",
                table: "CommitteeMemberScores",
                columns: new[] { "ApplicationId", "MemberUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMemberScores_Committee_MemberUserId",
                table: "CommitteeMemberScores",
                columns: new[] { "Committee", "MemberUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeChairs");

            migrationBuilder.DropTable(
                name: "CommitteeMemberScores");
        }
    }
}
