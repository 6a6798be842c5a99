using System.Text.RegularExpressions;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.Shared;

/// <summary>What a valid organisation code and name look like; shared by the editor, the API and the importer.</summary>
public static partial class OrganisationCodeRules
{
    public static bool IsValidCode(string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= Organisation.CodeMaxLength && CodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex CodePattern();
}
