using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Casework.Web.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Heads = table.Column<string>(type: "text", nullable: false),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Stream = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ActorOrganisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ObjectType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OldValues = table.Column<string>(type: "text", nullable: true),
                    NewValues = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseReferenceCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Next = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReferenceCounters", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CaseType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StateLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StateOrder = table.Column<int>(type: "integer", nullable: false),
                    IsClosed = table.Column<bool>(type: "boolean", nullable: false),
                    Resultaat = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OwningOrganisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RoutedTo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    BodyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeadDepartment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    LastStatusSequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DesignatedRegionMembers",
                columns: table => new
                {
                    RegionSet = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GemeenteCbsCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignatedRegionMembers", x => new { x.RegionSet, x.GemeenteCbsCode });
                });

            migrationBuilder.CreateTable(
                name: "EquatedDaysDecrees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EquatedDaysDecrees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Caller = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Endpoint = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponseStatus = table.Column<int>(type: "integer", nullable: false),
                    ResponseBody = table.Column<string>(type: "text", nullable: false),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    CutOffDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Province = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kanaal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HoofdObject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Resource = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResourceUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Actie = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Aanmaakdatum = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kenmerken = table.Column<string>(type: "text", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublishedDefinitions",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedDefinitions", x => new { x.DefinitionId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "RoundBudgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Regeling = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Round = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CeilingCents = table.Column<long>(type: "bigint", nullable: false),
                    CommittedCents = table.Column<long>(type: "bigint", nullable: false),
                    AwardedPaidOutCents = table.Column<long>(type: "bigint", nullable: false),
                    PaidCents = table.Column<long>(type: "bigint", nullable: false),
                    ReclaimedCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundBudgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoundTieBreaks",
                columns: table => new
                {
                    TrancheId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderJson = table.Column<string>(type: "text", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundTieBreaks", x => x.TrancheId);
                });

            migrationBuilder.CreateTable(
                name: "Tranches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Regeling = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Allocated = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RuleSetJson = table.Column<string>(type: "text", nullable: false),
                    RuleSetVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tranches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    BesluitType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Verzenddatum = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseLinks",
                columns: table => new
                {
                    FromCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseLinks", x => new { x.FromCaseId, x.ToCaseId, x.Kind });
                    table.ForeignKey(
                        name: "FK_CaseLinks_Cases_FromCaseId",
                        column: x => x.FromCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseLinks_Cases_ToCaseId",
                        column: x => x.ToCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseMembers",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMembers", x => new { x.CaseId, x.OrganisationCode });
                    table.ForeignKey(
                        name: "FK_CaseMembers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStatuses",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    ActionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ActorOrganisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStatuses", x => new { x.CaseId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_CaseStatuses_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KindId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    OriginalDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndBeforeAtw = table.Column<DateOnly>(type: "date", nullable: false),
                    CurrentDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SuspendedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    TotalSuspendedDays = table.Column<int>(type: "integer", nullable: false),
                    TotalExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    WarningLeadDays = table.Column<int>(type: "integer", nullable: false),
                    MetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiryHandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnExpiryAction = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WarnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Extensions = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deadlines_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Knelpunten",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    WetNaam = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    WetBwbId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    WetArtikel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Domein = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IndienerSoort = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IndienerOrganisatie = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VoorgesteldeOplossing = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Focusgebieden = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Knelpunten", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_Knelpunten_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vastlopers",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FocusgebiedCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ViaCoordinatingDepartment = table.Column<bool>(type: "boolean", nullable: false),
                    BesprokenInOverlegDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vastlopers", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_Vastlopers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EquatedDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DecreeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EquatedDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EquatedDays_EquatedDaysDecrees_DecreeId",
                        column: x => x.DecreeId,
                        principalTable: "EquatedDaysDecrees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    LateReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PreviousItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    NextItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionActionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Besluit = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Focusgebieden",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AllianceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RijksvertegenwoordigerDepartment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Focusgebieden", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Focusgebieden_Organisations_AllianceCode",
                        column: x => x.AllianceCode,
                        principalTable: "Organisations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Focusgebieden_Organisations_GemeenteCode",
                        column: x => x.GemeenteCode,
                        principalTable: "Organisations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PopulationFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Inhabitants = table.Column<int>(type: "integer", nullable: false),
                    OrganisationCode = table.Column<string>(type: "character varying(64)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PopulationFigures_Organisations_OrganisationCode",
                        column: x => x.OrganisationCode,
                        principalTable: "Organisations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundingApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrancheId = table.Column<Guid>(type: "uuid", nullable: false),
                    Regeling = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicantCbsCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    JointMemberCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FocusgebiedCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FocusgebiedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OtherAreaDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SocialeHuur = table.Column<int>(type: "integer", nullable: false),
                    Middenhuur = table.Column<int>(type: "integer", nullable: false),
                    BetaalbareKoop = table.Column<int>(type: "integer", nullable: false),
                    OtherHomes = table.Column<int>(type: "integer", nullable: false),
                    MaxKoopPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    InvestmentVolume = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    FinancialDeficit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RequestedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OwnContribution = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    GemeenteProjectCosts = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PrimaryActivitiesAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    SecondaryActivitiesAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PlannedConstructionStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedCompletion = table.Column<DateOnly>(type: "date", nullable: false),
                    ResidentsInterests = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    IsHerkansing = table.Column<bool>(type: "boolean", nullable: false),
                    PreviousApplicationReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StudentHousing = table.Column<bool>(type: "boolean", nullable: false),
                    HerkansingOfApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    HerkansingSameProject = table.Column<bool>(type: "boolean", nullable: true),
                    HerkansingRecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HerkansingRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ScoresJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TotalScore = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Advice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AwardedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingApplications_Cases_Id",
                        column: x => x.Id,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundingApplications_Tranches_TrancheId",
                        column: x => x.TrancheId,
                        principalTable: "Tranches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingActionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingActionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingActionItems_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AwardedPortionCents = table.Column<long>(type: "bigint", nullable: false),
                    BtwCompensatiefondsShare = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    PaidCents = table.Column<long>(type: "bigint", nullable: false),
                    PaidOnDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reclamations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reclamations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reclamations_FundingApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FundingApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_CaseId",
                table: "AgendaItems",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MeetingId",
                table: "AgendaItems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Stream_Sequence",
                table: "AuditEvents",
                columns: new[] { "Stream", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_CaseId",
                table: "CaseDecisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseLinks_ToCaseId",
                table: "CaseLinks",
                column: "ToCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseMembers_OrganisationCode",
                table: "CaseMembers",
                column: "OrganisationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseType_State",
                table: "Cases",
                columns: new[] { "CaseType", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OwningOrganisation_CaseType",
                table: "Cases",
                columns: new[] { "OwningOrganisation", "CaseType" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Reference",
                table: "Cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RoutedTo",
                table: "Cases",
                column: "RoutedTo");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_CaseId",
                table: "Deadlines",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Status_DueAt",
                table: "Deadlines",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Status_WarnAt",
                table: "Deadlines",
                columns: new[] { "Status", "WarnAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EquatedDays_Date",
                table: "EquatedDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EquatedDays_DecreeId",
                table: "EquatedDays",
                column: "DecreeId");

            migrationBuilder.CreateIndex(
                name: "IX_EquatedDaysDecrees_Title",
                table: "EquatedDaysDecrees",
                column: "Title",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Focusgebieden_AllianceCode",
                table: "Focusgebieden",
                column: "AllianceCode");

            migrationBuilder.CreateIndex(
                name: "IX_Focusgebieden_GemeenteCode",
                table: "Focusgebieden",
                column: "GemeenteCode");

            migrationBuilder.CreateIndex(
                name: "IX_FundingApplications_TrancheId_ApplicantCbsCode",
                table: "FundingApplications",
                columns: new[] { "TrancheId", "ApplicantCbsCode" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_Caller_Endpoint_Key",
                table: "IdempotencyRecords",
                columns: new[] { "Caller", "Endpoint", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingActionItems_AgendaItemId",
                table: "MeetingActionItems",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_BodyCode_Date",
                table: "Meetings",
                columns: new[] { "BodyCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Kind",
                table: "Organisations",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAt",
                table: "OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ApplicationId",
                table: "Payments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PopulationFigures_OrganisationCode_ReferenceDate",
                table: "PopulationFigures",
                columns: new[] { "OrganisationCode", "ReferenceDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reclamations_ApplicationId",
                table: "Reclamations",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundBudgets_Regeling_Round",
                table: "RoundBudgets",
                columns: new[] { "Regeling", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tranches_Regeling_Name",
                table: "Tranches",
                columns: new[] { "Regeling", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "CaseDecisions");

            migrationBuilder.DropTable(
                name: "CaseLinks");

            migrationBuilder.DropTable(
                name: "CaseMembers");

            migrationBuilder.DropTable(
                name: "CaseReferenceCounters");

            migrationBuilder.DropTable(
                name: "CaseStatuses");

            migrationBuilder.DropTable(
                name: "Deadlines");

            migrationBuilder.DropTable(
                name: "DesignatedRegionMembers");

            migrationBuilder.DropTable(
                name: "EquatedDays");

            migrationBuilder.DropTable(
                name: "Focusgebieden");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "Knelpunten");

            migrationBuilder.DropTable(
                name: "MeetingActionItems");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "PopulationFigures");

            migrationBuilder.DropTable(
                name: "PublishedDefinitions");

            migrationBuilder.DropTable(
                name: "Reclamations");

            migrationBuilder.DropTable(
                name: "RoundBudgets");

            migrationBuilder.DropTable(
                name: "RoundTieBreaks");

            migrationBuilder.DropTable(
                name: "Vastlopers");

            migrationBuilder.DropTable(
                name: "EquatedDaysDecrees");

            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "FundingApplications");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Tranches");
        }
    }
}
