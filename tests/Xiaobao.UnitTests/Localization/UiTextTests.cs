using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Xiaobao.Access.Features.Users;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Web;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.UnitTests.Localization;

public sealed partial class UiTextTests
{
    private static readonly ResourceManager _resources = new(typeof(UiStrings).FullName!, typeof(UiStrings).Assembly);

    [Fact]
    public void Resources_ChineseAndEnglish_HaveTheSameKeys()
    {
        var chinese = Keys(CultureInfo.InvariantCulture);
        var english = Keys(new CultureInfo("en"));

        Assert.Empty(chinese.Except(english).Order(StringComparer.Ordinal));
        Assert.Empty(english.Except(chinese).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Resources_Placeholders_MatchBetweenLanguages()
    {
        var chinese = _resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var english = _resources.GetResourceSet(new CultureInfo("en"), createIfNotExists: true, tryParents: false)!;

        var mismatched = Keys(CultureInfo.InvariantCulture)
            .Where(key => !Placeholders(chinese.GetString(key)!).SetEquals(Placeholders(english.GetString(key) ?? string.Empty)))
            .Order(StringComparer.Ordinal);

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Get_MissingKey_ReturnsBracketedKey()
    {
        Assert.Equal("⟦No.Such.Key⟧", UiText.Get("No.Such.Key"));
        Assert.Equal(UiText.Missing("No.Such.Key"), UiText.Format("No.Such.Key", 1));
    }

    [Fact]
    public void Get_ByUiCulture_AnswersChineseByDefaultAndEnglishForEn()
    {
        var chinese = InCulture("zh-CN", () => UiText.Format("Error.Import.DuplicateCode", "BJ", 2));
        var english = InCulture("en-US", () => UiText.Format("Error.Import.DuplicateCode", "BJ", 2));

        Assert.Equal("机构代码“BJ”已在第 2 行出现。", chinese);
        Assert.Equal("Code 'BJ' already appears on row 2.", english);
    }

    // Keys named as literals anywhere in the code must exist, so a typo fails here rather than showing ⟦key⟧ to a user.
    [Fact]
    public void Code_EveryLiteralKey_IsInTheResources()
    {
        var keys = Keys(CultureInfo.InvariantCulture);
        var root = RepositoryRoot();
        var used = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count > 50, $"Found only {used.Count} keys; has the call pattern changed?");
        Assert.Empty(used.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Levels_EveryLevel_HasAName(string culture)
    {
        var names = InCulture(culture, () => Enum.GetValues<OrganisationLevel>().Select(l => UiText.Get($"Level.{l}")).ToList());

        Assert.DoesNotContain(names, n => n.StartsWith('⟦'));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void IdentityErrorDescriber_EveryOverride_HasText(string culture)
    {
        var describer = new LocalisedIdentityErrorDescriber();
        var overrides = typeof(LocalisedIdentityErrorDescriber)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(IdentityError))
            .ToList();

        var errors = InCulture(culture, () => overrides
            .Select(m => (IdentityError)m.Invoke(describer, [.. m.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "x")])!)
            .ToList());

        Assert.True(overrides.Count >= 20);
        Assert.All(errors, e => Assert.False(e.Description.StartsWith('⟦'), e.Description));
        Assert.All(errors, e => Assert.Contains(e.Code, overrides.Select(m => m.Name)));
    }

    [Fact]
    public void IdentityErrorDescriber_PasswordTooShort_IsChineseByDefault()
    {
        var error = InCulture("zh-CN", () => new LocalisedIdentityErrorDescriber().PasswordTooShort(10));

        Assert.Equal("PasswordTooShort", error.Code);
        Assert.Equal("密码至少 10 位。", error.Description);
    }

    [Fact]
    public void ValidationMessage_StringLength_NamesTheLimitsAndIgnoresTheAttributeText()
    {
        var attribute = new StringLengthAttribute(64) { MinimumLength = 2, ErrorMessage = "English from the attribute" };

        Assert.Equal("长度应为 2 到 64 个字符。", InCulture("zh-CN", () => ValidationFilter.Message(attribute)));
        Assert.Equal("Use 2 to 64 characters.", InCulture("en", () => ValidationFilter.Message(attribute)));
        Assert.Equal("请填写此项。", InCulture("zh-CN", () => ValidationFilter.Message(new RequiredAttribute())));
    }

    private static HashSet<string> Keys(CultureInfo culture)
    {
        var set = _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var original = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Xiaobao.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Xiaobao.slnx not found above the test binaries.");
    }

    [GeneratedRegex("""UiText\.(?:Get|Format)\(\s*"(?<key>[^"]+)"\s*[,)]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
