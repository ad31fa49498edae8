using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Network.Hub.Storage.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Public",
                table: "KpiValues",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Snapshots stored before the embargo existed: final ones, and corrections of a public one, are public.
            migrationBuilder.Sql("""
                WITH [pub]([id]) AS (
                    SELECT [SnapshotId] FROM [Snapshots] WHERE [Status] = N'Final'
                    UNION ALL SELECT s.[SnapshotId] FROM [Snapshots] s JOIN [pub] ON s.[Supersedes] = [pub].[id] WHERE s.[Status] = N'Correction')
                UPDATE [Snapshots] SET [Public] = 1 WHERE [SnapshotId] IN (SELECT [id] FROM [pub]);
                UPDATE [KpiValues] SET [Public] = 1 WHERE [SnapshotId] IN (SELECT [SnapshotId] FROM [Snapshots] WHERE [Public] = 1);
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
