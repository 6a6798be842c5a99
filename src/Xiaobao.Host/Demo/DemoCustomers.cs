using System.Globalization;
using Xiaobao.Customers.Features.SaveCustomer;
using Xiaobao.Kernel.Identifiers;

namespace Xiaobao.Host.Demo;

/// <summary>
/// Fictitious but realistic customers of the demo insurer, the same on every start: Chinese names (some with compound
/// surnames), valid resident ID numbers for the branch's own districts, mainland mobiles, Luhn-valid bank cards.
/// </summary>
internal static class DemoCustomers
{
    public const int Count = 300;

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";
    private const string GivenCharacters = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英文华建国志红玉兰海燕晓东雪梅春燕国庆德胜凤英淑珍永红丹宁浩然子涵欣怡梓萱宇轩思远嘉怡俊杰";
    private static readonly string[] s_compoundSurnames = ["欧阳", "司马", "诸葛", "上官", "慕容"];
    private static readonly string[] s_mobilePrefixes = ["139", "138", "137", "136", "135", "150", "151", "152", "158", "159", "182", "186", "187", "188", "130", "131", "155", "185", "133", "153", "180", "189", "177", "199"];
    private static readonly string[] s_mailDomains = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"];
    private static readonly string[] s_streets = ["人民路", "解放路", "中山路", "建设路", "和平路", "文化路", "新华路", "长江路", "滨江大道", "学府路"];

    // Servicing organisation → (region code of a district it serves, the address down to that district).
    private static readonly (string Organisation, string Region, string District)[] s_places =
    [
        ("GD-GZ-TH", "440106", "广东省广州市天河区"),
        ("GD-GZ-YX", "440104", "广东省广州市越秀区"),
        ("GD-SZ-NS", "440305", "广东省深圳市南山区"),
        ("GD-SZ-FT", "440304", "广东省深圳市福田区"),
        ("JS-NJ-GL", "320106", "江苏省南京市鼓楼区"),
        ("JS-SU-YQ", "320508", "江苏省苏州市姑苏区"),
        ("ZJ-HZ-XH", "330106", "浙江省杭州市西湖区"),
        ("ZJ-NB-YZ", "330212", "浙江省宁波市鄞州区"),
        ("SC-CD-WH", "510107", "四川省成都市武侯区"),
        ("SC-MY", "510703", "四川省绵阳市涪城区"),
        ("SD-JN-LX", "370102", "山东省济南市历下区"),
        ("SD-QD-SN", "370202", "山东省青岛市市南区"),
    ];

    public static IReadOnlyList<SaveCustomerRequest> Generate(int count, DateTimeOffset now)
    {
        var random = new Random(2026);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var customers = new List<SaveCustomerRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var (organisation, region, district) = s_places[i % s_places.Length];
            var male = random.Next(2) == 0;

            // Ages 18–90, so about a fifth are 65 or older, as in a life insurer's book.
            var born = today.AddDays(-random.Next(18 * 365, 90 * 365));
            var sequence = random.Next(0, 50) * 2 + (male ? 1 : 0);
            var first17 = $"{region}{born:yyyyMMdd}{random.Next(1, 10)}{sequence:00}";
            var idNumber = first17 + ResidentIdNumber.CheckDigit(first17);
            var mobile = s_mobilePrefixes[random.Next(s_mobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
            customers.Add(new SaveCustomerRequest(
                $"C{2026_000_000 + i + 1}",
                organisation,
                Name(random),
                IdNumber: idNumber,
                Mobile: mobile,
                Email: random.Next(3) == 0 ? null : $"{random.Next(10_000_000, 999_999_999)}@{s_mailDomains[random.Next(s_mailDomains.Length)]}",
                Address: $"{district}{s_streets[random.Next(s_streets.Length)]}{random.Next(1, 999)}号{random.Next(1, 30)}栋{random.Next(101, 2999)}室",
                BankAccount: random.Next(4) == 0 ? null : BankCard(random),
                Disabled: random.Next(25) == 0,
                LowIncome: random.Next(12) == 0,
                SeriousIllness: random.Next(20) == 0,
                Notes: random.Next(6) == 0 ? "客户偏好电话联系，工作日上午方便接听。" : null));
        }

        return customers;
    }

    private static string Name(Random random)
    {
        var surname = random.Next(30) == 0 ? s_compoundSurnames[random.Next(s_compoundSurnames.Length)] : Surnames[random.Next(Surnames.Length)].ToString();
        var given = random.Next(4) == 0 ? 1 : 2;
        return surname + string.Concat(Enumerable.Range(0, given).Select(_ => GivenCharacters[random.Next(GivenCharacters.Length)]));
    }

    // A 19-digit card number with a Luhn check digit, on a bank card prefix.
    private static string BankCard(Random random)
    {
        var body = "622202" + string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return body + (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
