using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casework.Web.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AfterAwardClosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosedReason",
                table: "SisaVerantwoordingen",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedReason",
                table: "SisaVerantwoordingen");
        }
    }
}
