namespace Xiaobao.TextEngine.Domain;

/// <summary>
/// One imported version of a rule set, kept as the JSON document it came in. Versions are never edited: a change is
/// a new version, and at most one version of a rule set is active. An active stored version of a shipped rule set's
/// id replaces the shipped one until it is withdrawn.
/// </summary>
public sealed class StoredRuleSet
{
    public const int IdMaxLength = 64;
    public const int VersionMaxLength = 32;

    private StoredRuleSet()
    {
        RuleSetId = string.Empty;
        Version = string.Empty;
        Document = string.Empty;
        ImportedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public string RuleSetId { get; private set; }

    public string Version { get; private set; }

    public string Document { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public string ImportedBy { get; private set; }

    public static StoredRuleSet Import(string ruleSetId, string version, string document, string importedBy, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RuleSetId = ruleSetId,
        Version = version,
        Document = document,
        IsActive = true,
        ImportedAt = at,
        ImportedBy = importedBy,
    };

    public void Deactivate() => IsActive = false;
}
