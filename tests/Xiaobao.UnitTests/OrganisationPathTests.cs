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
