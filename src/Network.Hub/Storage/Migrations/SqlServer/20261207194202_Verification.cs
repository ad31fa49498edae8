using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Network.Hub.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Verification : Migration
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

            migrationBuilder.AlterColumn<string>(
                name: "CityName",
                table: "Enrollments",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "CityId",
                table: "Enrollments",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(16)",
                oldMaxLength: 16);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Enrollments",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "City");

            migrationBuilder.AddColumn<string>(
                name: "Organisation",
                table: "Enrollments",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifierId",
                table: "Enrollments",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ThreadMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CityId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    KpiCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DataPoint = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SnapshotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VerifierId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Author = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AuthorClientId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreadMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Verifiers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Verifiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Attestations",
                columns: table => new
                {
                    AttestationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VerifierId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    KeyId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    SnapshotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SnapshotDigest = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CityId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    Method = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ReportReference = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Jws = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Digest = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Door = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Public = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attestations", x => x.AttestationId);
                    table.ForeignKey(
                        name: "FK_Attestations_Snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "Snapshots",
                        principalColumn: "SnapshotId",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attestations_Verifiers_VerifierId",
                        column: x => x.VerifierId,
                        principalTable: "Verifiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VerifierAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VerifierId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CityId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AssignedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerifierAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerifierAssignments_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VerifierAssignments_Verifiers_VerifierId",
                        column: x => x.VerifierId,
                        principalTable: "Verifiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VerifierKeys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    VerifierId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Jwk = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerifierKeys", x => x.KeyId);
                    table.ForeignKey(
                        name: "FK_VerifierKeys_Verifiers_VerifierId",
                        column: x => x.VerifierId,
                        principalTable: "Verifiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Verdicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AttestationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SnapshotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VerifierId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CityId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    KpiCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DataPoint = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Value = table.Column<double>(type: "float", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AttestationDigest = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Public = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Verdicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Verdicts_Attestations_AttestationId",
                        column: x => x.AttestationId,
                        principalTable: "Attestations",
                        principalColumn: "AttestationId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_Digest",
                table: "Snapshots",
                column: "Digest");

            migrationBuilder.CreateIndex(
                name: "IX_Attestations_CityId_Period",
                table: "Attestations",
                columns: new[] { "CityId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Attestations_SnapshotId_IssuedAt",
                table: "Attestations",
                columns: new[] { "SnapshotId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Attestations_VerifierId",
                table: "Attestations",
                column: "VerifierId");

            migrationBuilder.CreateIndex(
                name: "IX_ThreadMessages_CityId_Period_KpiCode_DataPoint_PostedAt",
                table: "ThreadMessages",
                columns: new[] { "CityId", "Period", "KpiCode", "DataPoint", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ThreadMessages_VerifierId_PostedAt",
                table: "ThreadMessages",
                columns: new[] { "VerifierId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Verdicts_AttestationId_KpiCode_DataPoint",
                table: "Verdicts",
                columns: new[] { "AttestationId", "KpiCode", "DataPoint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Verdicts_CityId_Period_KpiCode_DataPoint_IssuedAt_ReceivedAt",
                table: "Verdicts",
                columns: new[] { "CityId", "Period", "KpiCode", "DataPoint", "IssuedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VerifierAssignments_CityId_VerifierId",
                table: "VerifierAssignments",
                columns: new[] { "CityId", "VerifierId" });

            migrationBuilder.CreateIndex(
                name: "IX_VerifierAssignments_VerifierId",
                table: "VerifierAssignments",
                column: "VerifierId");

            migrationBuilder.CreateIndex(
                name: "IX_VerifierKeys_VerifierId",
                table: "VerifierKeys",
                column: "VerifierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ThreadMessages");

            migrationBuilder.DropTable(
                name: "Verdicts");

            migrationBuilder.DropTable(
                name: "VerifierAssignments");

            migrationBuilder.DropTable(
                name: "VerifierKeys");

            migrationBuilder.DropTable(
                name: "Attestations");

            migrationBuilder.DropTable(
                name: "Verifiers");

            migrationBuilder.DropIndex(
                name: "IX_Snapshots_Digest",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Disclosures",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "JwsPublic",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Enrollments");

            migrationBuilder.DropColumn(
                name: "Organisation",
                table: "Enrollments");

            migrationBuilder.DropColumn(
                name: "VerifierId",
                table: "Enrollments");

            migrationBuilder.AlterColumn<string>(
                name: "CityName",
                table: "Enrollments",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CityId",
                table: "Enrollments",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(16)",
                oldMaxLength: 16,
                oldNullable: true);
        }
    }
}
