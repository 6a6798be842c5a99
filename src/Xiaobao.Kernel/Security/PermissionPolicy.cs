namespace Xiaobao.Kernel.Security;

/// <summary>Policy names of the form "perm:&lt;permission&gt;", resolved by the host's policy provider.</summary>
public static class PermissionPolicy
{
    public const string Prefix = "perm:";

    public static string Name(string permission) => Prefix + permission;

    // Constants for attributes and markup, which cannot call Name().
    public const string OrganisationsRead = Prefix + Permissions.OrganisationsRead;
    public const string OrganisationsManage = Prefix + Permissions.OrganisationsManage;
    public const string UsersRead = Prefix + Permissions.UsersRead;
    public const string UsersManage = Prefix + Permissions.UsersManage;
    public const string RolesManage = Prefix + Permissions.RolesManage;
    public const string ApiKeysManage = Prefix + Permissions.ApiKeysManage;
    public const string CalendarRead = Prefix + Permissions.CalendarRead;
    public const string CalendarManage = Prefix + Permissions.CalendarManage;
    public const string JobsManage = Prefix + Permissions.JobsManage;
    public const string CustomersRead = Prefix + Permissions.CustomersRead;
    public const string TextUse = Prefix + Permissions.TextUse;
    public const string TextManage = Prefix + Permissions.TextManage;
    public const string AuditRead = Prefix + Permissions.AuditRead;
}
