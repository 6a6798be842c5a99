using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>Reads the level and active cells in the spellings people use in English and Chinese spreadsheets.</summary>
internal static class OrganisationImportValues
{
    // An explicit table rather than Enum.TryParse, which would also accept "5" or "HeadOffice, SubBranch".
    private static readonly Dictionary<string, OrganisationLevel> _levels = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(OrganisationLevel.HeadOffice)] = OrganisationLevel.HeadOffice,
        [nameof(OrganisationLevel.ProvincialBranch)] = OrganisationLevel.ProvincialBranch,
        [nameof(OrganisationLevel.CityBranch)] = OrganisationLevel.CityBranch,
        [nameof(OrganisationLevel.SubBranch)] = OrganisationLevel.SubBranch,
        ["1"] = OrganisationLevel.HeadOffice,
        ["2"] = OrganisationLevel.ProvincialBranch,
        ["3"] = OrganisationLevel.CityBranch,
        ["4"] = OrganisationLevel.SubBranch,
        ["总公司"] = OrganisationLevel.HeadOffice,
        ["分公司"] = OrganisationLevel.ProvincialBranch,
        ["省级分公司"] = OrganisationLevel.ProvincialBranch,
        ["中心支公司"] = OrganisationLevel.CityBranch,
        ["支公司"] = OrganisationLevel.SubBranch,
    };

    private static readonly Dictionary<string, bool> _active = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true,
        ["false"] = false,
        ["1"] = true,
        ["0"] = false,
        ["是"] = true,
        ["否"] = false,
        ["y"] = true,
        ["n"] = false,
        ["yes"] = true,
        ["no"] = false,
    };

    public static bool TryParseLevel(string? text, out OrganisationLevel level)
    {
        level = default;
        return text is not null && _levels.TryGetValue(text.Trim(), out level);
    }

    /// <summary>A blank cell means active: a new branch is normally opened to be used.</summary>
    public static bool TryParseActive(string? text, out bool active)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            active = true;
            return true;
        }

        return _active.TryGetValue(text.Trim(), out active);
    }
}
