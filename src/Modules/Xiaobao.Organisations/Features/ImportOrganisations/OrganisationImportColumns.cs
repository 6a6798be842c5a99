namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>Canonical column names; errors name the field with these so the UI can point at the column.</summary>
internal static class OrganisationImportColumns
{
    public const string Code = "code";
    public const string NameZh = "name_zh";
    public const string NameEn = "name_en";
    public const string Level = "level";
    public const string ParentCode = "parent_code";
    public const string Active = "active";

    public static readonly IReadOnlyList<string> Required = [Code, NameZh, Level];

    private static readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        [Code] = Code,
        ["编码"] = Code,
        ["机构代码"] = Code,
        ["机构编码"] = Code,
        [NameZh] = NameZh,
        ["中文名称"] = NameZh,
        ["机构名称"] = NameZh,
        [NameEn] = NameEn,
        ["英文名称"] = NameEn,
        [Level] = Level,
        ["层级"] = Level,
        ["级别"] = Level,
        [ParentCode] = ParentCode,
        ["上级编码"] = ParentCode,
        ["上级机构代码"] = ParentCode,
        [Active] = Active,
        ["启用"] = Active,
        ["是否启用"] = Active,
    };

    /// <summary>Maps a header cell to its canonical column, or null when the column is not one we import.</summary>
    public static string? Resolve(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        // Chinese templates mark required columns with a trailing asterisk, and people type "Parent Code" for parent_code.
        var normalised = header.Trim().Trim('\uFEFF').TrimEnd('*', '＊').Trim().Replace(' ', '_').Replace('-', '_');
        return _aliases.GetValueOrDefault(normalised);
    }
}
