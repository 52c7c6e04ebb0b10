using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AfterAward : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "VastgesteldCents",
                table: "RoundBudgets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AwardConditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    SocialeHuur = table.Column<int>(type: "int", nullable: false),
                    Middenhuur = table.Column<int>(type: "int", nullable: false),
                    BetaalbareKoop = table.Column<int>(type: "int", nullable: false),
                    OtherHomes = table.Column<int>(type: "int", nullable: false),
                    ProjectArea = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    StartBouwUiterlijk = table.Column<DateOnly>(type: "date", nullable: false),
                    GereedUiterlijk = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ChangeCaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardConditions_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    TermKindId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DeadlineId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ReportedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EvidenceDocumentIds = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ReportNote = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReportedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    JudgedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    JudgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    JudgementReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardMilestones_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SisaVerantwoordingen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BudgetYear = table.Column<int>(type: "int", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    StartedSocialeHuur = table.Column<int>(type: "int", nullable: false),
                    StartedMiddenhuur = table.Column<int>(type: "int", nullable: false),
                    StartedBetaalbareKoop = table.Column<int>(type: "int", nullable: false),
                    StartedOther = table.Column<int>(type: "int", nullable: false),
                    CompletedSocialeHuur = table.Column<int>(type: "int", nullable: false),
                    CompletedMiddenhuur = table.Column<int>(type: "int", nullable: false),
                    CompletedBetaalbareKoop = table.Column<int>(type: "int", nullable: false),
                    CompletedOther = table.Column<int>(type: "int", nullable: false),
                    SpentCents = table.Column<long>(type: "bigint", nullable: false),
                    ProjectCompleted = table.Column<bool>(type: "bit", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Uitstel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    UitstelReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    UitstelRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UitstelRequestedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    UitstelDecideBy = table.Column<DateOnly>(type: "date", nullable: true),
                    UitstelDecidedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    UitstelDecisionReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SisaVerantwoordingen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SisaVerantwoordingen_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vaststellingen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    AwardedCents = table.Column<long>(type: "bigint", nullable: false),
                    PaidCents = table.Column<long>(type: "bigint", nullable: false),
                    ComputationJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Verzenddatum = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vaststellingen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vaststellingen_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Wijzigingsverzoeken",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BasedOnVersion = table.Column<int>(type: "int", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: true),
                    SocialeHuur = table.Column<int>(type: "int", nullable: true),
                    Middenhuur = table.Column<int>(type: "int", nullable: true),
                    BetaalbareKoop = table.Column<int>(type: "int", nullable: true),
                    OtherHomes = table.Column<int>(type: "int", nullable: true),
                    ProjectArea = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    StartBouwUiterlijk = table.Column<DateOnly>(type: "date", nullable: true),
                    GereedUiterlijk = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResultingVersion = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Wijzigingsverzoeken", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Wijzigingsverzoeken_Cases_Id",
                        column: x => x.Id,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Wijzigingsverzoeken_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Terugvorderingen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VaststellingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    ReclamationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Verzenddatum = table.Column<DateOnly>(type: "date", nullable: false),
                    BezwaarUiterlijk = table.Column<DateOnly>(type: "date", nullable: false),
                    BetalenUiterlijk = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LetterDocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Terugvorderingen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Terugvorderingen_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Terugvorderingen_Vaststellingen_VaststellingId",
                        column: x => x.VaststellingId,
                        principalTable: "Vaststellingen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardConditions_ApplicationId_Version",
                table: "AwardConditions",
                columns: new[] { "ApplicationId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardMilestones_ApplicationId_Kind",
                table: "AwardMilestones",
                columns: new[] { "ApplicationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardMilestones_Status",
                table: "AwardMilestones",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SisaVerantwoordingen_ApplicationId_BudgetYear",
                table: "SisaVerantwoordingen",
                columns: new[] { "ApplicationId", "BudgetYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SisaVerantwoordingen_BudgetYear",
                table: "SisaVerantwoordingen",
                column: "BudgetYear");

            migrationBuilder.CreateIndex(
                name: "IX_Terugvorderingen_ApplicationId",
                table: "Terugvorderingen",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Terugvorderingen_VaststellingId",
                table: "Terugvorderingen",
                column: "VaststellingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vaststellingen_ApplicationId",
                table: "Vaststellingen",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Wijzigingsverzoeken_ApplicationId",
                table: "Wijzigingsverzoeken",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardConditions");

            migrationBuilder.DropTable(
                name: "AwardMilestones");

            migrationBuilder.DropTable(
                name: "SisaVerantwoordingen");

            migrationBuilder.DropTable(
                name: "Terugvorderingen");

            migrationBuilder.DropTable(
                name: "Wijzigingsverzoeken");

            migrationBuilder.DropTable(
                name: "Vaststellingen");

            migrationBuilder.DropColumn(
                name: "VastgesteldCents",
                table: "RoundBudgets");
        }
    }
}
