using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xiaobao.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "acc_api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Lookup = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Permissions = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "acc_roles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "acc_sign_ins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_sign_ins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "acc_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreferredCulture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aud_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aud_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "cal_days",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cal_days", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "cal_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cal_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "cus_customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<string>(type: "TEXT", nullable: true),
                    IdNumber = table.Column<string>(type: "TEXT", nullable: true),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 44, nullable: true),
                    Mobile = table.Column<string>(type: "TEXT", nullable: true),
                    MobileIndex = table.Column<string>(type: "TEXT", maxLength: 44, nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", nullable: true),
                    BankAccount = table.Column<string>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    Care = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cus_customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "job_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RunAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DeduplicationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ScheduleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "job_schedules",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastOutcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LastJobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_schedules", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "org_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_organisations_org_organisations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "org_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prv_access_log",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Refusal = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prv_access_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prv_key_rotation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetKeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Cursor = table.Column<Guid>(type: "TEXT", nullable: true),
                    Rewritten = table.Column<long>(type: "INTEGER", nullable: false),
                    Unreadable = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prv_key_rotation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prv_keys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstUsedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prv_keys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "txt_rule_sets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleSetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_txt_rule_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "txt_term_lists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_txt_term_lists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "acc_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_acc_role_claims_acc_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "acc_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_acc_user_claims_acc_users_UserId",
                        column: x => x.UserId,
                        principalTable: "acc_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_acc_user_logins_acc_users_UserId",
                        column: x => x.UserId,
                        principalTable: "acc_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_user_roles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_acc_user_roles_acc_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "acc_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_acc_user_roles_acc_users_UserId",
                        column: x => x.UserId,
                        principalTable: "acc_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acc_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_acc_user_tokens_acc_users_UserId",
                        column: x => x.UserId,
                        principalTable: "acc_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acc_api_keys_Lookup",
                table: "acc_api_keys",
                column: "Lookup",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_acc_api_keys_OrganisationPath",
                table: "acc_api_keys",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_acc_role_claims_RoleId",
                table: "acc_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "acc_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_acc_sign_ins_At",
                table: "acc_sign_ins",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_acc_sign_ins_OrganisationPath",
                table: "acc_sign_ins",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_acc_user_claims_UserId",
                table: "acc_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_acc_user_logins_UserId",
                table: "acc_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_acc_user_roles_RoleId",
                table: "acc_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "acc_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_acc_users_DisplayName_Id",
                table: "acc_users",
                columns: new[] { "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_acc_users_LastSignInAt_Id",
                table: "acc_users",
                columns: new[] { "LastSignInAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_acc_users_OrganisationId",
                table: "acc_users",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_acc_users_OrganisationPath",
                table: "acc_users",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "acc_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aud_entries_At",
                table: "aud_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_aud_entries_EntityType_EntityId",
                table: "aud_entries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_aud_entries_OrganisationId",
                table: "aud_entries",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_aud_entries_OrganisationPath",
                table: "aud_entries",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_cal_days_Year",
                table: "cal_days",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_cus_customers_CustomerNumber",
                table: "cus_customers",
                column: "CustomerNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cus_customers_IdNumberIndex",
                table: "cus_customers",
                column: "IdNumberIndex");

            migrationBuilder.CreateIndex(
                name: "IX_cus_customers_MobileIndex",
                table: "cus_customers",
                column: "MobileIndex");

            migrationBuilder.CreateIndex(
                name: "IX_cus_customers_OrganisationPath",
                table: "cus_customers",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_cus_customers_UpdatedAt_Id",
                table: "cus_customers",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_job_jobs_CreatedAt",
                table: "job_jobs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_job_jobs_DeduplicationKey",
                table: "job_jobs",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_job_jobs_Kind_CreatedAt",
                table: "job_jobs",
                columns: new[] { "Kind", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_job_jobs_State_RunAfter",
                table: "job_jobs",
                columns: new[] { "State", "RunAfter" });

            migrationBuilder.CreateIndex(
                name: "IX_org_organisations_Code",
                table: "org_organisations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_organisations_Level_Id",
                table: "org_organisations",
                columns: new[] { "Level", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_org_organisations_NameEn_Id",
                table: "org_organisations",
                columns: new[] { "NameEn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_org_organisations_NameZh_Id",
                table: "org_organisations",
                columns: new[] { "NameZh", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_org_organisations_ParentId",
                table: "org_organisations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_org_organisations_Path",
                table: "org_organisations",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_org_organisations_UpdatedAt_Id",
                table: "org_organisations",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_prv_access_log_Kind_RecordId_At",
                table: "prv_access_log",
                columns: new[] { "Kind", "RecordId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_prv_access_log_OrganisationPath",
                table: "prv_access_log",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_txt_rule_sets_IsActive_RuleSetId",
                table: "txt_rule_sets",
                columns: new[] { "IsActive", "RuleSetId" });

            migrationBuilder.CreateIndex(
                name: "IX_txt_rule_sets_RuleSetId_Version",
                table: "txt_rule_sets",
                columns: new[] { "RuleSetId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_txt_term_lists_Name",
                table: "txt_term_lists",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acc_api_keys");

            migrationBuilder.DropTable(
                name: "acc_role_claims");

            migrationBuilder.DropTable(
                name: "acc_sign_ins");

            migrationBuilder.DropTable(
                name: "acc_user_claims");

            migrationBuilder.DropTable(
                name: "acc_user_logins");

            migrationBuilder.DropTable(
                name: "acc_user_roles");

            migrationBuilder.DropTable(
                name: "acc_user_tokens");

            migrationBuilder.DropTable(
                name: "aud_entries");

            migrationBuilder.DropTable(
                name: "cal_days");

            migrationBuilder.DropTable(
                name: "cal_years");

            migrationBuilder.DropTable(
                name: "cus_customers");

            migrationBuilder.DropTable(
                name: "job_jobs");

            migrationBuilder.DropTable(
                name: "job_schedules");

            migrationBuilder.DropTable(
                name: "org_organisations");

            migrationBuilder.DropTable(
                name: "prv_access_log");

            migrationBuilder.DropTable(
                name: "prv_key_rotation");

            migrationBuilder.DropTable(
                name: "prv_keys");

            migrationBuilder.DropTable(
                name: "txt_rule_sets");

            migrationBuilder.DropTable(
                name: "txt_term_lists");

            migrationBuilder.DropTable(
                name: "acc_roles");

            migrationBuilder.DropTable(
                name: "acc_users");
        }
    }
}
