using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Network.Hub.Storage.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "JwsPublic",
                table: "Snapshots",
                type: "INTEGER",
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
