using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Network.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnapshotIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Snapshots_CityId_Period_IssuedAt",
                table: "Snapshots");

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_CityId_Period_IssuedAt_ReceivedAt_SnapshotId_Public",
                table: "Snapshots",
                columns: new[] { "CityId", "Period", "IssuedAt", "ReceivedAt", "SnapshotId", "Public" });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_ReceivedAt_Public",
                table: "Snapshots",
                columns: new[] { "ReceivedAt", "Public" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Snapshots_CityId_Period_IssuedAt_ReceivedAt_SnapshotId_Public",
                table: "Snapshots");

            migrationBuilder.DropIndex(
                name: "IX_Snapshots_ReceivedAt_Public",
                table: "Snapshots");

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_CityId_Period_IssuedAt",
                table: "Snapshots",
                columns: new[] { "CityId", "Period", "IssuedAt" });
        }
    }
}
