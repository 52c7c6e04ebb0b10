using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DocumentStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Documents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "InBewerking");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Verzenddatum",
                table: "Documents",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Status",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Verzenddatum",
                table: "Documents");
        }
    }
}
