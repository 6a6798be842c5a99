using Xiaobao.Kernel.Scoping;

namespace Xiaobao.UnitTests;

public sealed class OrganisationPathTests
{
    [Fact]
    public void IsWithin_DescendantPath_IsTrue()
    {
        var root = OrganisationPath.Child(OrganisationPath.Root, Guid.CreateVersion7());
        var child = OrganisationPath.Child(root, Guid.CreateVersion7());

        Assert.True(OrganisationPath.IsWithin(child, root));
        Assert.False(OrganisationPath.IsWithin(root, child));
        Assert.Equal(2, OrganisationPath.Depth(child));
    }

    [Fact]
    public void PathPrefix_UnresolvedScope_MatchesNoPath()
    {
        var scope = new DataScope();
        var path = OrganisationPath.Child(OrganisationPath.Root, Guid.CreateVersion7());

        Assert.False(OrganisationPath.IsWithin(path, scope.PathPrefix));
        Assert.False(scope.IsUnrestricted);
        using (scope.RunAsSystem())
        {
            Assert.True(scope.IsUnrestricted);
        }

        Assert.False(scope.IsUnrestricted);
    }
}

public sealed class OrganisationPathRangeTests
{
    [FsCheck.Xunit.Property]
    public bool UpperBound_AnyTwoPaths_RangeHoldsExactlyTheSubtree(Guid a, Guid b, Guid c)
    {
        var root = OrganisationPath.Child(OrganisationPath.Root, a);
        var inside = OrganisationPath.Child(root, b);
        var sibling = OrganisationPath.Child(OrganisationPath.Root, c);
        bool InRange(string path) => string.CompareOrdinal(path, root) >= 0 && string.CompareOrdinal(path, OrganisationPath.UpperBound(root)) < 0;

        return InRange(root) && InRange(inside) && InRange(sibling) == OrganisationPath.IsWithin(sibling, root);
    }

    [Fact]
    public void PathRange_NoCallerOrSystem_EmptyOrEverything()
    {
        var scope = new DataScope();
        var path = OrganisationPath.Child(OrganisationPath.Root, Guid.CreateVersion7());

        Assert.Equal(scope.PathFrom, scope.PathBefore);
        using (scope.RunAsSystem())
        {
            Assert.True(string.CompareOrdinal(path, scope.PathFrom) >= 0 && string.CompareOrdinal(path, scope.PathBefore) < 0);
        }
    }
}

public sealed class DataScopeCoverageTests
{
    [Fact]
    public void CoversAll_HeadOfficeOrSystem_TrueAndBranchFalse()
    {
        var headOffice = OrganisationPath.Child(OrganisationPath.Root, Guid.CreateVersion7());
        var branch = OrganisationPath.Child(headOffice, Guid.CreateVersion7());
        var atHead = new DataScope();
        atHead.Restrict(headOffice);
        var atBranch = new DataScope();
        atBranch.Restrict(branch);
        var nobody = new DataScope();

        Assert.True(atHead.CoversAll);
        Assert.False(atBranch.CoversAll);
        Assert.False(nobody.CoversAll);
        using (nobody.RunAsSystem())
        {
            Assert.True(nobody.CoversAll);
        }
    }
}
