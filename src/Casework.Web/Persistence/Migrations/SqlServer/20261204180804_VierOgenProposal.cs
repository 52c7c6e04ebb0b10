using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VierOgenProposal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProposalData",
                table: "Cases",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposalReason",
                table: "Cases",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedAction",
                table: "Cases",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProposedAt",
                table: "Cases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "Cases",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByName",
                table: "Cases",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByOrganisation",
                table: "Cases",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProposalData",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ProposalReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ProposedAction",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ProposedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ProposedByName",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ProposedByOrganisation",
                table: "Cases");
        }
    }
}
