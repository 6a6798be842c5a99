namespace Xiaobao.Kernel.Privacy;

/// <summary>
/// How a personal value is shown by default, chosen by its kind: 138****5678, 3101**********1234 (the check digit
/// stays visible), 张*明 / 欧阳**, a***@example.com, ****1234, the address down to its district.
/// </summary>
public static class PersonalMask
{
    /// <summary>What stands for a hidden part; fixed, so the mask never tells a length.</summary>
    public const string Hidden = "****";

    private static readonly string[] s_compoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐",
        "钟离", "闻人", "澹台", "端木", "西门", "南宫", "独孤", "百里", "呼延", "申屠", "太史", "第五", "万俟", "赫连", "拓跋",
    ];

    private static readonly string[] s_municipalities = ["北京市", "上海市", "天津市", "重庆市"];

    public static string Mask(PersonalKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return kind switch
        {
            PersonalKind.Name => Name(value),
            PersonalKind.IdNumber => IdNumber(value),
            PersonalKind.Phone => Phone(value),
            PersonalKind.Email => Email(value),
            PersonalKind.BankAccount => BankAccount(value),
            PersonalKind.Address => Address(value),
            PersonalKind.BirthDate => value.Length >= 4 ? $"{value[..4]}-**-**" : Hidden,
            _ => Hidden,
        };
    }

    public static string Name(string value)
    {
        var name = value.Trim();
        if (name.Length == 0)
        {
            return string.Empty;
        }

        if (name.All(char.IsAscii))
        {
            // A name in Latin letters: the initial of each part.
            return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p[0] + new string('*', Math.Max(1, p.Length - 1))));
        }

        var surname = s_compoundSurnames.FirstOrDefault(s => name.Length > s.Length && name.StartsWith(s, StringComparison.Ordinal));
        if (surname is not null)
        {
            return surname + new string('*', name.Length - surname.Length);
        }

        return name.Length switch
        {
            1 => "*",
            2 => name[0] + "*",
            _ => name[0] + new string('*', name.Length - 2) + name[^1],
        };
    }

    public static string IdNumber(string value)
    {
        var id = value.Trim().ToUpperInvariant();
        return id.Length >= 12 ? id[..4] + new string('*', id.Length - 8) + id[^4..] : Hidden;
    }

    public static string Phone(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length == 11 && digits[0] == '1')
        {
            return digits[..3] + Hidden + digits[^4..];
        }

        return digits.Length > 4 ? Hidden + digits[^4..] : Hidden;
    }

    public static string Email(string value)
    {
        var email = value.Trim();
        var at = email.LastIndexOf('@');
        return at > 0 ? email[0] + "***" + email[at..] : Hidden;
    }

    public static string BankAccount(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 4 ? Hidden + digits[^4..] : Hidden;
    }

    /// <summary>Keeps the administrative divisions (province, city, district or county) and hides the rest.</summary>
    public static string Address(string value)
    {
        var address = value.Trim();
        var end = AdministrativePrefixLength(address);
        return end > 0 ? address[..end] + Hidden : Hidden;
    }

    // Walks units that end in an administrative suffix within a short window: a province (省, 自治区, 特别行政区, or a
    // municipality), then a city (市, 州, 地区, 盟), and stops after a district-level unit (区, 县, 旗) or a street.
    private static int AdministrativePrefixLength(string address)
    {
        const int window = 12;
        var position = s_municipalities.FirstOrDefault(m => address.StartsWith(m, StringComparison.Ordinal))?.Length ?? 0;
        for (var units = 0; units < 4 && position < address.Length; units++)
        {
            var limit = Math.Min(address.Length, position + window);
            var end = -1;
            for (var i = position + 1; i < limit; i++)
            {
                if (address[i] is '省' or '市' or '区' or '县' or '旗' or '州' or '盟')
                {
                    end = i + 1;
                    break;
                }
            }

            if (end < 0)
            {
                break;
            }

            var unit = address[position..end];
            position = end;
            var continues = unit.EndsWith('省') || unit.EndsWith('市') || unit.EndsWith('州') || unit.EndsWith('盟')
                || unit.EndsWith("自治区", StringComparison.Ordinal) || unit.EndsWith("特别行政区", StringComparison.Ordinal) || unit.EndsWith("地区", StringComparison.Ordinal);
            if (!continues)
            {
                break;
            }
        }

        return position;
    }
}
