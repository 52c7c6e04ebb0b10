using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposalReason",
                table: "Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedAction",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProposedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "Cases",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByName",
                table: "Cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByOrganisation",
                table: "Cases",
                type: "TEXT",
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
