using Xiaobao.Access.Domain;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.Host.Demo;

/// <summary>
/// The fictitious insurer a newcomer meets on first start: 鑫安人寿 with five provincial branches and 26 organisations,
/// and one user per role. Every demo account has the password <see cref="Password"/>.
/// </summary>
internal static class DemoInsurer
{
    public const string Password = "Xiaobao2026";

    public static IReadOnlyList<(string Code, string NameZh, string NameEn, OrganisationLevel Level, string? Parent)> Organisations { get; } =
    [
        ("HO", "鑫安人寿保险股份有限公司总公司", "Xin'an Life Head Office", OrganisationLevel.HeadOffice, null),
        ("GD", "鑫安人寿广东分公司", "Guangdong Branch", OrganisationLevel.ProvincialBranch, "HO"),
        ("GD-GZ", "鑫安人寿广州中心支公司", "Guangzhou City Branch", OrganisationLevel.CityBranch, "GD"),
        ("GD-GZ-TH", "鑫安人寿广州天河支公司", "Guangzhou Tianhe Sub-branch", OrganisationLevel.SubBranch, "GD-GZ"),
        ("GD-GZ-YX", "鑫安人寿广州越秀支公司", "Guangzhou Yuexiu Sub-branch", OrganisationLevel.SubBranch, "GD-GZ"),
        ("GD-SZ", "鑫安人寿深圳中心支公司", "Shenzhen City Branch", OrganisationLevel.CityBranch, "GD"),
        ("GD-SZ-NS", "鑫安人寿深圳南山支公司", "Shenzhen Nanshan Sub-branch", OrganisationLevel.SubBranch, "GD-SZ"),
        ("GD-SZ-FT", "鑫安人寿深圳福田支公司", "Shenzhen Futian Sub-branch", OrganisationLevel.SubBranch, "GD-SZ"),
        ("JS", "鑫安人寿江苏分公司", "Jiangsu Branch", OrganisationLevel.ProvincialBranch, "HO"),
        ("JS-NJ", "鑫安人寿南京中心支公司", "Nanjing City Branch", OrganisationLevel.CityBranch, "JS"),
        ("JS-NJ-GL", "鑫安人寿南京鼓楼支公司", "Nanjing Gulou Sub-branch", OrganisationLevel.SubBranch, "JS-NJ"),
        ("JS-SU", "鑫安人寿苏州中心支公司", "Suzhou City Branch", OrganisationLevel.CityBranch, "JS"),
        ("JS-SU-YQ", "鑫安人寿苏州工业园区支公司", "Suzhou Industrial Park Sub-branch", OrganisationLevel.SubBranch, "JS-SU"),
        ("ZJ", "鑫安人寿浙江分公司", "Zhejiang Branch", OrganisationLevel.ProvincialBranch, "HO"),
        ("ZJ-HZ", "鑫安人寿杭州中心支公司", "Hangzhou City Branch", OrganisationLevel.CityBranch, "ZJ"),
        ("ZJ-HZ-XH", "鑫安人寿杭州西湖支公司", "Hangzhou Xihu Sub-branch", OrganisationLevel.SubBranch, "ZJ-HZ"),
        ("ZJ-NB", "鑫安人寿宁波中心支公司", "Ningbo City Branch", OrganisationLevel.CityBranch, "ZJ"),
        ("ZJ-NB-YZ", "鑫安人寿宁波鄞州支公司", "Ningbo Yinzhou Sub-branch", OrganisationLevel.SubBranch, "ZJ-NB"),
        ("SC", "鑫安人寿四川分公司", "Sichuan Branch", OrganisationLevel.ProvincialBranch, "HO"),
        ("SC-CD", "鑫安人寿成都中心支公司", "Chengdu City Branch", OrganisationLevel.CityBranch, "SC"),
        ("SC-CD-WH", "鑫安人寿成都武侯支公司", "Chengdu Wuhou Sub-branch", OrganisationLevel.SubBranch, "SC-CD"),
        ("SC-MY", "鑫安人寿绵阳中心支公司", "Mianyang City Branch", OrganisationLevel.CityBranch, "SC"),
        ("SD", "鑫安人寿山东分公司", "Shandong Branch", OrganisationLevel.ProvincialBranch, "HO"),
        ("SD-JN", "鑫安人寿济南中心支公司", "Jinan City Branch", OrganisationLevel.CityBranch, "SD"),
        ("SD-JN-LX", "鑫安人寿济南历下支公司", "Jinan Lixia Sub-branch", OrganisationLevel.SubBranch, "SD-JN"),
        ("SD-QD", "鑫安人寿青岛中心支公司", "Qingdao City Branch", OrganisationLevel.CityBranch, "SD"),
        ("SD-QD-SN", "鑫安人寿青岛市南支公司", "Qingdao Shinan Sub-branch", OrganisationLevel.SubBranch, "SD-QD"),
    ];

    public static IReadOnlyList<(string UserName, string DisplayName, string Role, string Organisation)> Users { get; } =
    [
        ("admin", "系统管理员", Roles.SystemAdmin, "HO"),
        ("officer", "王建国", Roles.ConsumerProtectionOfficer, "HO"),
        ("handler", "李晓梅", Roles.ComplaintHandler, "GD-SZ"),
        ("service", "张伟", Roles.ServiceOfficer, "GD"),
        ("reviewer", "陈静", Roles.Reviewer, "HO"),
        ("sales", "刘洋", Roles.SalesManager, "JS"),
        ("auditor", "赵敏", Roles.Auditor, "HO"),
        ("manager", "黄磊", Roles.BranchManager, "ZJ"),
    ];
}
