using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProgrammeMonitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Actielijn = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BetterDirection = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UsualSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FocusgebiedCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Indicators_Focusgebieden_FocusgebiedCode",
                        column: x => x.FocusgebiedCode,
                        principalTable: "Focusgebieden",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Doelen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FocusgebiedCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Soort = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Actielijn = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BaselineValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    BaselineDate = table.Column<DateOnly>(type: "date", nullable: false),
                    BaselineSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Doelen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Doelen_Focusgebieden_FocusgebiedCode",
                        column: x => x.FocusgebiedCode,
                        principalTable: "Focusgebieden",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Doelen_Indicators_IndicatorCode",
                        column: x => x.IndicatorCode,
                        principalTable: "Indicators",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FocusgebiedCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SourceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplacedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReplaceReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorMeasurements_Focusgebieden_FocusgebiedCode",
                        column: x => x.FocusgebiedCode,
                        principalTable: "Focusgebieden",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorMeasurements_Indicators_IndicatorCode",
                        column: x => x.IndicatorCode,
                        principalTable: "Indicators",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Streefwaarden",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DoelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Streefwaarden", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Streefwaarden_Doelen_DoelId",
                        column: x => x.DoelId,
                        principalTable: "Doelen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Doelen_FocusgebiedCode",
                table: "Doelen",
                column: "FocusgebiedCode");

            migrationBuilder.CreateIndex(
                name: "IX_Doelen_IndicatorCode",
                table: "Doelen",
                column: "IndicatorCode");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMeasurements_FocusgebiedCode_IndicatorCode_Period",
                table: "IndicatorMeasurements",
                columns: new[] { "FocusgebiedCode", "IndicatorCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMeasurements_IndicatorCode",
                table: "IndicatorMeasurements",
                column: "IndicatorCode");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_FocusgebiedCode",
                table: "Indicators",
                column: "FocusgebiedCode");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Number",
                table: "Indicators",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Streefwaarden_DoelId_Version",
                table: "Streefwaarden",
                columns: new[] { "DoelId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorMeasurements");

            migrationBuilder.DropTable(
                name: "Streefwaarden");

            migrationBuilder.DropTable(
                name: "Doelen");

            migrationBuilder.DropTable(
                name: "Indicators");
        }
    }
}
