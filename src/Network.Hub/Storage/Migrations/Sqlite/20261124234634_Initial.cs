using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Network.Hub.Storage.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    IsSynthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RejectedSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RejectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Door = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ClaimedSnapshotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedCityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NodeCityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReasonsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Excerpt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectedSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CityKeys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CityId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Jwk = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    SnapshotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CityId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Supersedes = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CatalogueVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Jws = table.Column<string>(type: "TEXT", nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Door = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CityId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    KpiCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DataPoint = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quality = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
