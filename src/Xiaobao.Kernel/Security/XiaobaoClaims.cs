namespace Xiaobao.Kernel.Security;

/// <summary>Claim types Xiaobao puts on every principal, whether a signed-in user or an API key.</summary>
public static class XiaobaoClaims
{
    public const string OrganisationId = "xiaobao:org";
    public const string ApiKeyId = "xiaobao:apikey";
}
