namespace Xiaobao.Kernel.Security;

/// <summary>
/// Named permissions granted to roles. Modules add theirs here so the role editor and the policy provider
/// know every permission that exists.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "xiaobao:permission";

    public const string OrganisationsRead = "organisations.read";
    public const string OrganisationsManage = "organisations.manage";
    public const string UsersRead = "users.read";
    public const string UsersManage = "users.manage";
    public const string RolesManage = "roles.manage";
    public const string ApiKeysManage = "apikeys.manage";
    public const string CalendarRead = "calendar.read";
    public const string CalendarManage = "calendar.manage";
    public const string AuditRead = "audit.read";
    public const string JobsManage = "jobs.manage";
    public const string CustomersRead = "customers.read";
    public const string CustomersManage = "customers.manage";
    public const string CustomersErase = "customers.erase";
    public const string PersonalDataReveal = "personaldata.reveal";
    public const string PersonalDataKeys = "personaldata.keys";
    public const string TextUse = "text.use";
    public const string TextManage = "text.manage";

    public static IReadOnlyList<string> All { get; } =
    [
        OrganisationsRead, OrganisationsManage, UsersRead, UsersManage, RolesManage, ApiKeysManage, CalendarRead, CalendarManage, AuditRead,
        JobsManage,
        CustomersRead, CustomersManage, CustomersErase, PersonalDataReveal, PersonalDataKeys,
        TextUse, TextManage,
    ];
}
