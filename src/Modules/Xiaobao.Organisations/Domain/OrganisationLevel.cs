namespace Xiaobao.Organisations.Domain;

/// <summary>The four levels of a Chinese insurer's hierarchy (总公司 → 分公司 → 中心支公司 → 支公司).</summary>
public enum OrganisationLevel
{
    HeadOffice = 1,
    ProvincialBranch = 2,
    CityBranch = 3,
    SubBranch = 4,
}
