using Xiaobao.Kernel.Security;

namespace Xiaobao.Access.Domain;

/// <summary>The roles every installation starts with, and the permissions each is granted by default.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string ConsumerProtectionOfficer = "ConsumerProtectionOfficer";
    public const string ComplaintHandler = "ComplaintHandler";
    public const string ServiceOfficer = "ServiceOfficer";
    public const string Reviewer = "Reviewer";
    public const string SalesManager = "SalesManager";
    public const string Auditor = "Auditor";
    public const string BranchManager = "BranchManager";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultGrants { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [SystemAdmin] = Permissions.All,
        [ConsumerProtectionOfficer] = [Permissions.OrganisationsRead, Permissions.UsersRead, Permissions.CalendarRead, Permissions.CalendarManage, Permissions.TextUse, Permissions.TextManage],
        [ComplaintHandler] = [Permissions.OrganisationsRead, Permissions.CalendarRead, Permissions.TextUse],
        [ServiceOfficer] = [Permissions.OrganisationsRead, Permissions.UsersRead, Permissions.CalendarRead, Permissions.TextUse],
        [Reviewer] = [Permissions.OrganisationsRead, Permissions.CalendarRead, Permissions.TextUse],
        [SalesManager] = [Permissions.OrganisationsRead, Permissions.UsersRead],
        [Auditor] = [Permissions.OrganisationsRead, Permissions.UsersRead, Permissions.CalendarRead, Permissions.AuditRead],
        [BranchManager] = [Permissions.OrganisationsRead, Permissions.OrganisationsManage, Permissions.UsersRead, Permissions.UsersManage, Permissions.CalendarRead],
    };

    public static IReadOnlyList<string> All { get; } = DefaultGrants.Keys.ToList();
}
