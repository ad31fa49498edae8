using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Network.Hub.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Population = table.Column<int>(type: "int", nullable: true),
                    IsSynthetic = table.Column<bool>(type: "bit", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RejectedSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RejectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Door = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    ClaimedSnapshotId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClaimedCityId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    NodeCityId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Digest = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ReasonsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Excerpt = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectedSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CityKeys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CityId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Jwk = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CityKeys", x => x.KeyId);
                    table.ForeignKey(
                        name: "FK_CityKeys_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Snapshots",
                columns: table => new
                {
                    SnapshotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CityId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Supersedes = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CatalogueVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    KeyId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Jws = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Digest = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Door = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Snapshots", x => x.SnapshotId);
                    table.ForeignKey(
                        name: "FK_Snapshots_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SnapshotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CityId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    KpiCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DataPoint = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Value = table.Column<double>(type: "float", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Quality = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Origin = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiValues_Snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "Snapshots",
                        principalColumn: "SnapshotId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CityKeys_CityId",
                table: "CityKeys",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiValues_KpiCode_Period_CityId",
                table: "KpiValues",
                columns: new[] { "KpiCode", "Period", "CityId" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiValues_SnapshotId_KpiCode_DataPoint",
                table: "KpiValues",
                columns: new[] { "SnapshotId", "KpiCode", "DataPoint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RejectedSubmissions_ClaimedSnapshotId",
                table: "RejectedSubmissions",
                column: "ClaimedSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_CityId_Period_IssuedAt",
                table: "Snapshots",
                columns: new[] { "CityId", "Period", "IssuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CityKeys");

            migrationBuilder.DropTable(
                name: "KpiValues");

            migrationBuilder.DropTable(
                name: "RejectedSubmissions");

            migrationBuilder.DropTable(
                name: "Snapshots");

            migrationBuilder.DropTable(
                name: "Cities");
        }
    }
}
