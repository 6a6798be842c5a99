using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations.Domain;
using Xiaobao.Persistence;

namespace Xiaobao.Benchmarks;

/// <summary>
/// A deterministic insurer of 10,000 organisations (1 head office, 31 provinces, 300 city branches, the rest sub-branches)
/// and 100,000 users, inserted in batches with change tracking off, into the schema the real migrations created.
/// </summary>
internal sealed class ListingData
{
    public const int OrganisationCount = 10_000;
    public const int UserCount = 100_000;
    private const int CityCount = 300;
    private const int BatchSize = 5_000;

    private static readonly string[] s_provinces =
    [
        "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
        "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
    ];

    private static readonly string[] s_surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] s_given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "华", "建国", "文", "婷", "鑫", "宇", "浩"];

    private ListingData(List<Organisation> organisations)
    {
        Organisations = organisations;
    }

    public List<Organisation> Organisations { get; }

    public Organisation HeadOffice => Organisations[0];

    public Organisation Province => Organisations[1];

    public Organisation City => Organisations.First(o => o.Level == OrganisationLevel.CityBranch && o.ParentId == Province.Id);

    public static ListingData Build(DateTimeOffset now)
    {
        var all = new List<Organisation>(OrganisationCount);
        var headOffice = Organisation.Create(Guid.CreateVersion7(), "HO", "总公司", "Head Office", OrganisationLevel.HeadOffice, null, now);
        all.Add(headOffice);
        var provinces = s_provinces.Select((name, p) => Organisation.Create(
            Guid.CreateVersion7(), $"P{p + 1:D2}", $"{name}分公司", $"Province {p + 1} Branch", OrganisationLevel.ProvincialBranch, headOffice, now)).ToList();
        all.AddRange(provinces);

        var cities = new List<Organisation>(CityCount);
        for (var c = 0; c < CityCount; c++)
        {
            var province = provinces[c % provinces.Count];
            var n = (c / provinces.Count) + 1;
            cities.Add(Organisation.Create(
                Guid.CreateVersion7(), $"{province.Code}C{n:D2}", $"{province.NameZh[..^3]}第{n}中心支公司", $"{province.NameEn[..^7]} City {n}",
                OrganisationLevel.CityBranch, province, now));
        }

        all.AddRange(cities);
        var subCount = OrganisationCount - all.Count;
        for (var s = 0; s < subCount; s++)
        {
            var city = cities[s % cities.Count];
            var n = (s / cities.Count) + 1;
            all.Add(Organisation.Create(
                Guid.CreateVersion7(), $"{city.Code}S{n:D2}", $"{city.NameZh[..^5]}区第{n}支公司", $"{city.NameEn} Sub-branch {n}",
                OrganisationLevel.SubBranch, city, now));
        }

        return new ListingData(all);
    }

    public async Task SeedAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        foreach (var batch in Organisations.Chunk(BatchSize))
        {
            await InsertAsync(services, db => db.Organisations.AddRange(batch), ct);
        }

        var roles = new[] { Roles.ComplaintHandler, Roles.ServiceOfficer, Roles.BranchManager }
            .Select(name => new XiaobaoRole(name) { NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() }).ToArray();
        await InsertAsync(services, db => db.Roles.AddRange(roles), ct);

        for (var start = 0; start < UserCount; start += BatchSize)
        {
            var users = Enumerable.Range(start, Math.Min(BatchSize, UserCount - start)).Select(i => NewUser(i, now)).ToList();
            var links = users.Select((u, i) => new IdentityUserRole<Guid> { UserId = u.Id, RoleId = roles[(start + i) % roles.Length].Id }).ToList();
            await InsertAsync(services, db =>
            {
                db.Users.AddRange(users);
                db.UserRoles.AddRange(links);
            }, ct);
        }

        Console.WriteLine($"seeded {Organisations.Count:N0} organisations and {UserCount:N0} users in {watch.Elapsed.TotalSeconds:F1} s");
    }

    // Users are spread evenly over all organisations; a stride co-prime to the count mixes levels and subtrees.
    private XiaobaoUser NewUser(int i, DateTimeOffset now)
    {
        var organisation = Organisations[(int)((i * 7919L) % Organisations.Count)];
        var userName = $"u{i:D6}";
        return new XiaobaoUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = s_surnames[i % s_surnames.Length] + s_given[i / s_surnames.Length % s_given.Length] + (i % 7 == 0 ? "明" : string.Empty),
            OrganisationId = organisation.Id,
            OrganisationPath = organisation.Path,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = now,
            LastSignInAt = i % 3 == 0 ? null : now.AddMinutes(-i),
        };
    }

    private static async Task InsertAsync(IServiceProvider services, Action<XiaobaoDbContext> add, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<DataScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        add(db);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
