using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Complaints.Taxonomy;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.UnitTests.Complaints;

/// <summary>The shipped Chinese rules, taxonomy and calendar.</summary>
internal static class China
{
    public static readonly ComplaintRuleSet Rules = ComplaintRuleCatalog.BuiltIn.RulesInForce("CN", Cst(2024, 9, 20));
    public static readonly ComplaintTaxonomy Taxonomy = ComplaintRuleCatalog.BuiltIn.TaxonomyInForce("CN", new DateOnly(2024, 9, 20));
    public static readonly HolidayCalendar Calendar = OfficialCalendars.ChinaMainland();

    public static string RuleJson => Resource(typeof(ComplaintRuleSet).Assembly, "Xiaobao.Complaints.RuleBook.Data.cn-cbirc-2020.json");

    public static string TaxonomyJson => Resource(typeof(ComplaintRuleSet).Assembly, "Xiaobao.Complaints.Taxonomy.Data.cn-provisional.json");

    public static DateTimeOffset Cst(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static string Resource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Zedland (market "ZZ"), a made-up market whose rules prove nothing Chinese is wired into the engine.</summary>
internal static class Zedland
{
    public static readonly ComplaintRuleSet Rules2023 = ComplaintRuleSetReader.Read(Json("zz-2023.json"));
    public static readonly ComplaintRuleSet Rules2025 = ComplaintRuleSetReader.Read(Json("zz-2025.json"));
    public static readonly ComplaintTaxonomy Taxonomy = ComplaintTaxonomyReader.Read(Json("zz-taxonomy.json"));

    // Founders' Day, Monday 3 March 2025, is Zedland's only holiday; weekends are rest days.
    public static readonly HolidayCalendar Calendar = new(
        "zz-test", [new CalendarEntry(new DateOnly(2025, 3, 3), CalendarDayKind.StatutoryHoliday, "Founders' Day", "ZZ gazette")], coveredYears: [2025]);

    public static string Json(string file) => China.Resource(typeof(Zedland).Assembly, $"Xiaobao.UnitTests.Complaints.Data.{file}");

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}

/// <summary>A four-level hierarchy: head office → provincial branch → city branch → sub-branch, plus a second sub-branch.</summary>
internal static class Orgs
{
    public static readonly OrganisationUnit HeadOffice = Unit(OrganisationPath.Root, "10000000000000000000000000000001");
    public static readonly OrganisationUnit Province = Unit(HeadOffice.Path, "20000000000000000000000000000002");
    public static readonly OrganisationUnit City = Unit(Province.Path, "30000000000000000000000000000003");
    public static readonly OrganisationUnit SubBranch = Unit(City.Path, "40000000000000000000000000000004");
    public static readonly OrganisationUnit OtherSubBranch = Unit(City.Path, "50000000000000000000000000000005");

    public static StaffMember Staff(OrganisationUnit organisation) => new(Guid.NewGuid(), organisation);

    public static ActorSnapshot Actor(OrganisationUnit organisation) =>
        new(ActorKind.User, Guid.Parse("99999999999999999999999999999999"), "handler", organisation.Id, organisation.Path);

    private static OrganisationUnit Unit(string parentPath, string id) => new(Guid.Parse(id), OrganisationPath.Child(parentPath, Guid.Parse(id)));
}
