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
        // Only a holder can grant a permission, so the administrator holds them all; revealing personal data is otherwise
        // for those who handle the customer's case (officers, complaint handlers), not for auditors or managers.
        [SystemAdmin] = Permissions.All,
        [ConsumerProtectionOfficer] = [Permissions.OrganisationsRead, Permissions.UsersRead, Permissions.CalendarRead, Permissions.CalendarManage,
            Permissions.CustomersRead, Permissions.CustomersManage, Permissions.CustomersErase, Permissions.PersonalDataReveal, Permissions.TextUse, Permissions.TextManage],
        [ComplaintHandler] = [Permissions.OrganisationsRead, Permissions.CalendarRead, Permissions.CustomersRead, Permissions.CustomersManage, Permissions.PersonalDataReveal,
            Permissions.TextUse],
        [ServiceOfficer] = [Permissions.OrganisationsRead, Permissions.UsersRead, Permissions.CalendarRead, Permissions.CustomersRead, Permissions.CustomersManage,
            Permissions.TextUse],
        [Reviewer] = [Permissions.OrganisationsRead, Permissions.CalendarRead, Permissions.TextUse],
        [SalesManager] = [Permissions.OrganisationsRead, Permissions.UsersRead, Permissions.CustomersRead],
        [Auditor] = [Permissions.OrganisationsRead, Permissions.UsersRead, Permissions.CalendarRead, Permissions.AuditRead, Permissions.CustomersRead],
        [BranchManager] = [Permissions.OrganisationsRead, Permissions.OrganisationsManage, Permissions.UsersRead, Permissions.UsersManage, Permissions.CalendarRead,
            Permissions.CustomersRead, Permissions.TextUse],
    };

    public static IReadOnlyList<string> All { get; } = DefaultGrants.Keys.ToList();
}
