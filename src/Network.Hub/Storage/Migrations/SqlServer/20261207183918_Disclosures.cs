using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Network.Hub.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Disclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Disclosures",
                table: "Snapshots",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "JwsPublic",
                table: "Snapshots",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Disclosures",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "JwsPublic",
                table: "Snapshots");
        }
    }
}
