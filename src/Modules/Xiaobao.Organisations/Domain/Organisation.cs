using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Organisations.Domain;

/// <summary>
/// One node of the insurer's hierarchy. Its materialised <see cref="Path"/> is what every other record's
/// organisation path is copied from, so moving a node rewrites the paths below it.
/// </summary>
[ScopePath(nameof(Path))]
public sealed class Organisation : IOrganisationScoped
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;

    private Organisation()
    {
        Code = string.Empty;
        NameZh = string.Empty;
        NameEn = string.Empty;
        Path = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string NameZh { get; private set; }

    public string NameEn { get; private set; }

    public OrganisationLevel Level { get; private set; }

    public Guid? ParentId { get; private set; }

    public string Path { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    Guid IOrganisationScoped.OrganisationId => Id;

    string IOrganisationScoped.OrganisationPath => Path;

    public static Organisation Create(
        Guid id, string code, string nameZh, string nameEn, OrganisationLevel level, Organisation? parent, DateTimeOffset now)
    {
        CheckPlacement(level, parent);
        return new Organisation
        {
            Id = id,
            Code = code,
            NameZh = nameZh,
            NameEn = nameEn,
            Level = level,
            ParentId = parent?.Id,
            Path = OrganisationPath.Child(parent?.Path ?? OrganisationPath.Root, id),
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Rename(string code, string nameZh, string nameEn, DateTimeOffset now)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        UpdatedAt = now;
    }

    /// <summary>
    /// Places this node under <paramref name="newParent"/>. Returns the old path so the caller can rewrite
    /// the paths of descendants and of records that belong to them.
    /// </summary>
    public string MoveTo(Organisation? newParent, OrganisationLevel level, DateTimeOffset now)
    {
        if (newParent is not null && OrganisationPath.IsWithin(newParent.Path, Path))
        {
            throw new DomainException("organisation/cycle", UiText.Get("Error.Org.Cycle"));
        }

        CheckPlacement(level, newParent);
        var oldPath = Path;
        ParentId = newParent?.Id;
        Level = level;
        Path = OrganisationPath.Child(newParent?.Path ?? OrganisationPath.Root, Id);
        UpdatedAt = now;
        return oldPath;
    }

    /// <summary>Rewrites the path prefix after an ancestor moved.</summary>
    public void RebasePath(string oldPrefix, string newPrefix) => Path = string.Concat(newPrefix, Path.AsSpan(oldPrefix.Length));

    /// <summary>Moves a descendant's level along with an ancestor that moved to another level.</summary>
    public void Shift(int levels, DateTimeOffset now)
    {
        Level = (OrganisationLevel)((int)Level + levels);
        UpdatedAt = now;
    }

    public void Deactivate(DateTimeOffset now)
    {
        IsActive = false;
        UpdatedAt = now;
    }

    public void Activate(DateTimeOffset now)
    {
        IsActive = true;
        UpdatedAt = now;
    }

    /// <summary>A head office has no parent; every other level sits exactly one level below its parent.</summary>
    public static void CheckPlacement(OrganisationLevel level, Organisation? parent)
    {
        if (level == OrganisationLevel.HeadOffice && parent is not null)
        {
            throw new DomainException("organisation/level", UiText.Get("Error.Org.HeadOfficeNoParent"));
        }

        if (level != OrganisationLevel.HeadOffice && parent is null)
        {
            throw new DomainException("organisation/level", UiText.Get("Error.Org.OnlyHeadOfficeWithoutParent"));
        }

        if (parent is not null && (int)parent.Level != (int)level - 1)
        {
            throw new DomainException("organisation/level", UiText.Format("Error.Org.WrongParentLevel", UiText.Get($"Level.{level}"), UiText.Get($"Level.{(OrganisationLevel)((int)level - 1)}")));
        }
    }
}
