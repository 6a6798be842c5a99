using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Access.Domain;
using Xiaobao.Calendar.Features.ManageCalendar;
using Xiaobao.Customers.Features.SaveCustomer;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Organisations.Domain;
using Xiaobao.Persistence;

namespace Xiaobao.Host.Demo;

/// <summary>
/// What every start makes sure of: roles with their default grants, the official calendar, and either the demo insurer
/// or, for a real deployment, a head office and the first administrator.
/// </summary>
internal sealed partial class Bootstrap(
    XiaobaoDbContext db, UserManager<XiaobaoUser> users, RoleManager<XiaobaoRole> roles, CalendarYears calendar,
    SaveCustomer customers, DataScope scope, TimeProvider clock, IConfiguration configuration, ILogger<Bootstrap> logger)
{
    public const string AdminUserName = "admin";

    public async Task RunAsync(bool demo, CancellationToken ct)
    {
        using var system = scope.RunAsSystem();
        await EnsureRolesAsync();
        await calendar.SeedOfficialAsync(ct);
        var adminPassword = configuration["Bootstrap:AdminPassword"];
        if (demo)
        {
            await SeedDemoAsync(ct);
        }
        else if (!await db.Users.AnyAsync(ct))
        {
            if (string.IsNullOrWhiteSpace(adminPassword))
            {
                throw new InvalidOperationException(
                    "No users exist and the demo is off: set Xiaobao__Bootstrap__AdminPassword to create the first administrator 'admin'.");
            }

            var headOffice = await db.Organisations.FirstOrDefaultAsync(o => o.Level == OrganisationLevel.HeadOffice, ct)
                ?? AddOrganisation("HO", "总公司", "Head Office", OrganisationLevel.HeadOffice, null);
            await db.SaveChangesAsync(ct);
            await CreateUserAsync(AdminUserName, "系统管理员", Roles.SystemAdmin, headOffice, adminPassword);
            Log.AdminCreated(logger);
        }

        if (!string.IsNullOrWhiteSpace(adminPassword) && await users.FindByNameAsync(AdminUserName) is { } admin)
        {
            var token = await users.GeneratePasswordResetTokenAsync(admin);
            Check(await users.ResetPasswordAsync(admin, token, adminPassword));
        }
    }

    /// <summary>Seeds the demo insurer unless organisations already exist; safe to run on every start.</summary>
    public async Task SeedDemoAsync(CancellationToken ct)
    {
        using var system = scope.RunAsSystem();
        await EnsureRolesAsync();
        if (await db.Organisations.AnyAsync(ct))
        {
            return;
        }

        var byCode = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var (code, nameZh, nameEn, level, parent) in DemoInsurer.Organisations)
        {
            byCode[code] = AddOrganisation(code, nameZh, nameEn, level, parent is null ? null : byCode[parent]);
        }

        await db.SaveChangesAsync(ct);
        foreach (var (userName, displayName, role, organisation) in DemoInsurer.Users)
        {
            await CreateUserAsync(userName, displayName, role, byCode[organisation], DemoInsurer.Password);
        }

        // Through the registry's own handler, so demo customers are validated and encrypted like any other.
        var seeded = await customers.CreateManyAsync(DemoCustomers.Generate(DemoCustomers.Count, clock.GetUtcNow()), ct);
        Log.DemoSeeded(logger, byCode.Count, DemoInsurer.Users.Count, seeded);
    }

    private Organisation AddOrganisation(string code, string nameZh, string nameEn, OrganisationLevel level, Organisation? parent)
    {
        var organisation = Organisation.Create(Guid.CreateVersion7(), code, nameZh, nameEn, level, parent, clock.GetUtcNow());
        db.Organisations.Add(organisation);
        return organisation;
    }

    private async Task CreateUserAsync(string userName, string displayName, string role, Organisation organisation, string password)
    {
        var user = new XiaobaoUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = displayName,
            OrganisationId = organisation.Id,
            OrganisationPath = organisation.Path,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
    }

    private async Task EnsureRolesAsync()
    {
        // One query on every start instead of one per role: start-up time is a measured target.
        var existing = (await db.Roles.Select(r => r.Name).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, grants) in Roles.DefaultGrants.Where(g => !existing.Contains(g.Key)))
        {
            var role = new XiaobaoRole(name);
            Check(await roles.CreateAsync(role));
            foreach (var permission in grants)
            {
                Check(await roles.AddClaimAsync(role, new System.Security.Claims.Claim(Permissions.ClaimType, permission)));
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo insurer: {Organisations} organisations, {Users} users, {Customers} customers")]
        public static partial void DemoSeeded(ILogger logger, int organisations, int users, int customers);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first administrator 'admin' from Xiaobao__Bootstrap__AdminPassword")]
        public static partial void AdminCreated(ILogger logger);
    }
}
