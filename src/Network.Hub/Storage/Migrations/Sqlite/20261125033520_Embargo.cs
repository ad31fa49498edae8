using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Network.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Embargo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Public",
                table: "Snapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Public",
                table: "KpiValues",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Snapshots stored before the embargo existed: final ones, and corrections of a public one, are public.
            migrationBuilder.Sql("""
                UPDATE "Snapshots" SET "Public" = 1 WHERE "SnapshotId" IN (
                    WITH RECURSIVE "pub"("id") AS (
                        SELECT "SnapshotId" FROM "Snapshots" WHERE "Status" = 'Final'
                        UNION SELECT s."SnapshotId" FROM "Snapshots" s JOIN "pub" ON s."Supersedes" = "pub"."id" WHERE s."Status" = 'Correction')
                    SELECT "id" FROM "pub");
                UPDATE "KpiValues" SET "Public" = 1 WHERE "SnapshotId" IN (SELECT "SnapshotId" FROM "Snapshots" WHERE "Public" = 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Public",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Public",
                table: "KpiValues");
        }
    }
}
