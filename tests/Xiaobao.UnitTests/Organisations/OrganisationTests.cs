using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.UnitTests.Organisations;

public sealed class OrganisationTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_ChildOfParent_PathExtendsParentPath()
    {
        var head = Organisation.Create(Guid.CreateVersion7(), "HO", "总公司", "HO", OrganisationLevel.HeadOffice, null, s_now);
        var branch = Organisation.Create(Guid.CreateVersion7(), "GD", "广东分公司", "GD", OrganisationLevel.ProvincialBranch, head, s_now);

        Assert.True(OrganisationPath.IsWithin(branch.Path, head.Path));
        Assert.Equal(2, OrganisationPath.Depth(branch.Path));
    }

    [Fact]
    public void Create_LevelSkipped_Refused()
    {
        var head = Organisation.Create(Guid.CreateVersion7(), "HO", "总公司", "HO", OrganisationLevel.HeadOffice, null, s_now);

        var error = Assert.Throws<DomainException>(() => Organisation.Create(Guid.CreateVersion7(), "X", "支公司", "X", OrganisationLevel.SubBranch, head, s_now));

        Assert.Equal("organisation/level", error.Type);
    }

    [Fact]
    public void MoveTo_UnderOwnDescendant_RefusedAsCycle()
    {
        var head = Organisation.Create(Guid.CreateVersion7(), "HO", "总公司", "HO", OrganisationLevel.HeadOffice, null, s_now);
        var province = Organisation.Create(Guid.CreateVersion7(), "GD", "广东", "GD", OrganisationLevel.ProvincialBranch, head, s_now);
        var city = Organisation.Create(Guid.CreateVersion7(), "GD-SZ", "深圳", "SZ", OrganisationLevel.CityBranch, province, s_now);

        var error = Assert.Throws<DomainException>(() => province.MoveTo(city, OrganisationLevel.SubBranch, s_now));

        Assert.Equal("organisation/cycle", error.Type);
    }

    [Fact]
    public void MoveTo_OtherProvince_ReturnsOldPathAndRebasesDescendants()
    {
        var head = Organisation.Create(Guid.CreateVersion7(), "HO", "总公司", "HO", OrganisationLevel.HeadOffice, null, s_now);
        var gd = Organisation.Create(Guid.CreateVersion7(), "GD", "广东", "GD", OrganisationLevel.ProvincialBranch, head, s_now);
        var js = Organisation.Create(Guid.CreateVersion7(), "JS", "江苏", "JS", OrganisationLevel.ProvincialBranch, head, s_now);
        var city = Organisation.Create(Guid.CreateVersion7(), "GD-SZ", "深圳", "SZ", OrganisationLevel.CityBranch, gd, s_now);
        var sub = Organisation.Create(Guid.CreateVersion7(), "GD-SZ-NS", "南山", "NS", OrganisationLevel.SubBranch, city, s_now);

        var oldPath = city.MoveTo(js, OrganisationLevel.CityBranch, s_now);
        sub.RebasePath(oldPath, city.Path);

        Assert.True(OrganisationPath.IsWithin(city.Path, js.Path));
        Assert.True(OrganisationPath.IsWithin(sub.Path, city.Path));
        Assert.False(OrganisationPath.IsWithin(sub.Path, gd.Path));
    }
}
