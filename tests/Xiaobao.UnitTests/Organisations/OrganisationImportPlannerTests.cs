using Xiaobao.Organisations.Domain;
using Xiaobao.Organisations.Features.ImportOrganisations;

namespace Xiaobao.UnitTests.Organisations;

// These tests read English message text; the messages follow the UI culture.
[UseUiCulture("en")]
public sealed class OrganisationImportPlannerTests
{
    private static readonly Guid _hqId = Guid.CreateVersion7();
    private static readonly Guid _gdId = Guid.CreateVersion7();
    private static readonly Guid _szId = Guid.CreateVersion7();

    // HQ → GD → SZ, as stored today.
    private static readonly ExistingOrganisation[] _existing =
    [
        new(_hqId, "HQ", null, OrganisationLevel.HeadOffice),
        new(_gdId, "GD", "HQ", OrganisationLevel.ProvincialBranch),
        new(_szId, "SZ", "GD", OrganisationLevel.CityBranch),
    ];

    [Fact]
    public void Plan_ChildRowsBeforeParentRows_OrdersParentsFirst()
    {
        var plan = OrganisationImportPlanner.Plan([],
        [
            Row(2, "FT", "福田支公司", "SubBranch", "SZ"),
            Row(3, "SZ", "深圳中心支公司", "CityBranch", "GD"),
            Row(4, "GD", "广东分公司", "ProvincialBranch", "HQ"),
            Row(5, "HQ", "总公司", "HeadOffice", null),
        ]);

        Assert.True(plan.Succeeded);
        Assert.Equal(["HQ", "GD", "SZ", "FT"], plan.Operations.Select(o => o.Code));
        Assert.All(plan.Operations, o => Assert.IsType<OrganisationImportOperation.Create>(o));
    }

    [Fact]
    public void Plan_ExistingCodes_UpdatesThemAndCreatesTheRest()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "FT", "福田支公司", "4", "SZ", nameEn: "Futian", active: "否"),
            Row(3, " SZ ", "深圳中心支公司（新）", "中心支公司", "GD", active: "N"),
        ]);

        Assert.True(plan.Succeeded);
        var update = Assert.IsType<OrganisationImportOperation.Update>(plan.Operations[0]);
        Assert.Equal(new OrganisationImportOperation.Update(_szId, 3, "SZ", "深圳中心支公司（新）", string.Empty, OrganisationLevel.CityBranch, "GD", false), update);
        var create = Assert.IsType<OrganisationImportOperation.Create>(plan.Operations[1]);
        Assert.Equal(new OrganisationImportOperation.Create(2, "FT", "福田支公司", "Futian", OrganisationLevel.SubBranch, "SZ", false), create);
    }

    [Fact]
    public void Plan_MoveBetweenExistingParents_OrdersNewParentFirst()
    {
        // SZ moves up under HQ and GD moves down under SZ: applying GD first would put it under its own child.
        var existing = new ExistingOrganisation[]
        {
            new(_hqId, "HQ", null, OrganisationLevel.HeadOffice),
            new(_gdId, "GD", "HQ", OrganisationLevel.ProvincialBranch),
            new(_szId, "SZ", "GD", OrganisationLevel.CityBranch),
        };

        var plan = OrganisationImportPlanner.Plan(existing,
        [
            Row(2, "GD", "广东", "CityBranch", "SZ"),
            Row(3, "SZ", "深圳", "ProvincialBranch", "HQ"),
        ]);

        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        Assert.Equal(["SZ", "GD"], plan.Operations.Select(o => o.Code));
    }

    [Fact]
    public void Plan_UnknownParent_ReportsRow()
    {
        var plan = OrganisationImportPlanner.Plan(_existing, [Row(7, "XX", "未知", "SubBranch", "NOPE")]);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((7, "parent_code"), (error.RowNumber, error.Field));
        Assert.Contains("NOPE", error.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Operations);
    }

    [Fact]
    public void Plan_DuplicateCodes_ReportsLaterRowsOnly()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "BJ", "北京分公司", "2", "HQ"),
            Row(3, "BJ", "北京分公司二", "2", "HQ"),
            Row(4, "BJ", "北京分公司三", "2", "HQ"),
        ]);

        Assert.Equal([(3, "code"), (4, "code")], plan.Errors.Select(e => (e.RowNumber, e.Field)));
        Assert.All(plan.Errors, e => Assert.Contains("row 2", e.Message, StringComparison.Ordinal));
        Assert.Empty(plan.Operations);
    }

    [Fact]
    public void Plan_TwoCycle_ReportsBothRows()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "A", "甲", "CityBranch", "B"),
            Row(3, "B", "乙", "CityBranch", "A"),
        ]);

        Assert.Equal([(2, "parent_code"), (3, "parent_code")], plan.Errors.Select(e => (e.RowNumber, e.Field)));
        Assert.Contains("A → B → A", plan.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(plan.Operations);
    }

    [Fact]
    public void Plan_ThreeCycleWithChildHangingOff_ReportsOnlyCycleRows()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "A", "甲", "CityBranch", "C"),
            Row(3, "B", "乙", "CityBranch", "A"),
            Row(4, "C", "丙", "CityBranch", "B"),
            Row(5, "D", "丁", "SubBranch", "C"),
        ]);

        Assert.Equal([2, 3, 4], plan.Errors.Select(e => e.RowNumber));
        Assert.All(plan.Errors, e => Assert.Equal("parent_code", e.Field));
        Assert.Empty(plan.Operations);
    }

    [Fact]
    public void Plan_SelfParent_ReportsRow()
    {
        var plan = OrganisationImportPlanner.Plan(_existing, [Row(2, "GD", "广东分公司", "ProvincialBranch", "GD")]);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((2, "parent_code"), (error.RowNumber, error.Field));
        Assert.Contains("own parent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExistingOrganisationReparentedUnderItsDescendant_ReportsCycle()
    {
        // GD is stored as SZ's parent; putting GD under SZ closes a loop through a row that is not in the file.
        var plan = OrganisationImportPlanner.Plan(_existing, [Row(9, "GD", "广东分公司", "SubBranch", "SZ")]);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((9, "parent_code"), (error.RowNumber, error.Field));
        Assert.Contains("GD → SZ → GD", error.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Operations);
    }

    [Fact]
    public void Plan_LevelNotOneBelowParent_ReportsLevel()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "ZJ", "浙江分公司", "ProvincialBranch", "HQ"),
            Row(3, "HZ", "杭州支公司", "SubBranch", "ZJ"),
            Row(4, "XM", "厦门", "CityBranch", "HQ"),
        ]);

        Assert.Equal([(3, "level"), (4, "level")], plan.Errors.Select(e => (e.RowNumber, e.Field)));
        Assert.Empty(plan.Operations);
    }

    [Fact]
    public void Plan_ParentLevelChangedInFile_UsesFileLevel()
    {
        // GD is stored as a ProvincialBranch; the file demotes it, so SZ below it is judged against the new level.
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "NEW", "新分公司", "ProvincialBranch", "HQ"),
            Row(3, "GD", "广东", "CityBranch", "NEW"),
            Row(4, "SZ", "深圳", "SubBranch", "GD"),
        ]);

        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        Assert.Equal(["NEW", "GD", "SZ"], plan.Operations.Select(o => o.Code));
    }

    [Fact]
    public void Plan_LevelChangeStrandsExistingChild_ReportsParentRow()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "NEW", "新分公司", "ProvincialBranch", "HQ"),
            Row(3, "GD", "广东", "CityBranch", "NEW"),
        ]);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((3, "level"), (error.RowNumber, error.Field));
        Assert.Contains("'SZ'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SecondHeadOffice_ReportsNewRow()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "HQ", "总公司", "HeadOffice", null),
            Row(3, "HQ2", "另一个总公司", "总公司", null),
        ]);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((3, "level"), (error.RowNumber, error.Field));
        Assert.Contains("'HQ'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TwoHeadOfficesInFile_ReportsSecond()
    {
        var plan = OrganisationImportPlanner.Plan([],
        [
            Row(2, "HQ", "总公司", "1", null),
            Row(3, "HQ2", "另一个总公司", "1", null),
        ]);

        Assert.Equal([(3, "level")], plan.Errors.Select(e => (e.RowNumber, e.Field)));
    }

    [Fact]
    public void Plan_PlacementRulesBroken_ReportsParentCode()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "HQ", "总公司", "HeadOffice", "GD"),
            Row(3, "ORPHAN", "孤儿", "CityBranch", null),
        ]);

        Assert.Contains(plan.Errors, e => e is { RowNumber: 2, Field: "parent_code" });
        Assert.Contains(plan.Errors, e => e is { RowNumber: 3, Field: "parent_code" });
        Assert.Empty(plan.Operations);
    }

    [Fact]
    public void Plan_ManyBadRows_ReportsEveryErrorWithRowNumbersAndNoOperations()
    {
        var plan = OrganisationImportPlanner.Plan(_existing,
        [
            Row(2, "OK", "正常分公司", "ProvincialBranch", "HQ"),
            Row(3, null, "没有编码", "CityBranch", "OK"),
            Row(4, "BAD CODE!", "坏编码", "CityBranch", "OK"),
            Row(5, new string('A', 33), "太长", "CityBranch", "OK"),
            Row(6, "NONAME", null, "CityBranch", "OK"),
            Row(7, "LONGNAME", new string('名', 101), "CityBranch", "OK", nameEn: new string('n', 101)),
            Row(8, "NOLEVEL", "无层级", null, "OK"),
            Row(9, "BADLEVEL", "坏层级", "Region", "OK"),
            Row(10, "BADACTIVE", "坏启用", "CityBranch", "OK", active: "maybe"),
            Row(11, "GHOST", "幽灵", "CityBranch", "NOWHERE"),
        ]);

        Assert.Equal(
            [
                (3, "code"), (4, "code"), (5, "code"), (6, "name_zh"), (7, "name_zh"), (7, "name_en"),
                (8, "level"), (9, "level"), (10, "active"), (11, "parent_code"),
            ],
            plan.Errors.Select(e => (e.RowNumber, e.Field)));
        Assert.False(plan.Succeeded);
        Assert.Empty(plan.Operations);
    }

    private static OrganisationImportRow Row(
        int rowNumber, string? code, string? nameZh, string? level, string? parentCode, string? nameEn = null, string? active = null) =>
        new(rowNumber, code, nameZh, nameEn, level, parentCode, active);
}
