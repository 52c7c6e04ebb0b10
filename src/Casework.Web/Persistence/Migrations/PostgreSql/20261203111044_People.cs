using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class People : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Behandelaar",
                table: "Cases",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BehandelaarName",
                table: "Cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RoutedTo_Behandelaar",
                table: "Cases",
                columns: new[] { "RoutedTo", "Behandelaar" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_RoutedTo_Behandelaar",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Behandelaar",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "BehandelaarName",
                table: "Cases");
        }
    }
}
