namespace Xiaobao.Kernel.Security;

/// <summary>Policy names of the form "perm:&lt;permission&gt;", resolved by the host's policy provider.</summary>
public static class PermissionPolicy
{
    public const string Prefix = "perm:";

    public static string Name(string permission) => Prefix + permission;
}
