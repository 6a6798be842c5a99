using System.Globalization;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Audit.Features.Shared;

/// <summary>
/// How the page and the export show an entry's codes to people: actions, actor kinds and entity types in the UI language
/// (a code without a label, say a new module's entity type, shows as itself), times in China Standard Time.
/// </summary>
public static class AuditLabels
{
    public const string ActionPrefix = "Audit.Action.";
    public const string ActorKindPrefix = "Audit.ActorKind.";
    public const string EntityTypePrefix = "Audit.Entity.";
    public const string ProblemPrefix = "Audit.Problem.";

    public static string Action(string code) => Label(ActionPrefix, code);

    public static string ActorKind(string code) => Label(ActorKindPrefix, code);

    public static string EntityType(string code) => Label(EntityTypePrefix, code);

    /// <summary>A broken chain's problem code ("missing-entry", …) in words.</summary>
    public static string Problem(string? code) => code is null ? string.Empty : Label(ProblemPrefix, code);

    public static string ChinaTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, DeadlineCalculator.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>A recorded value for people: nothing as a dash, a UTC time (as the trail stores times) in China time.</summary>
    public static string Value(string? recorded) =>
        recorded is null ? "—"
        : recorded.Length >= 20 && recorded[^1] == 'Z' && recorded[10] == 'T'
            && DateTimeOffset.TryParseExact(recorded, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? ChinaTime(at)
            : recorded;

    public static string OrganisationName(OrganisationRef organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) || organisation.NameEn.Length == 0
            ? organisation.NameZh
            : organisation.NameEn;
    }

    private static string Label(string prefix, string code)
    {
        var key = prefix + code;
        var text = UiText.Get(key);
        return text == UiText.Missing(key) ? code : text;
    }
}
