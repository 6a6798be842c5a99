using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Complaints.Domain;

/// <summary>An organisation as a complaint records it: its id and its materialised path at the time.</summary>
public sealed record OrganisationUnit
{
    /// <summary>An organisation whose path ends with its own id, as <see cref="OrganisationPath.Child"/> builds paths.</summary>
    /// <exception cref="ArgumentException">The path does not end with <paramref name="id"/>.</exception>
    public OrganisationUnit(Guid id, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith(OrganisationPath.Root, StringComparison.Ordinal) || !path.EndsWith($"/{id:N}/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Path \"{path}\" does not end with organisation {id:N}.", nameof(path));
        }

        Id = id;
        Path = path;
    }

    /// <summary>The organisation's id.</summary>
    public Guid Id { get; }

    /// <summary>Its materialised path from the top of the hierarchy.</summary>
    public string Path { get; }

    /// <summary>Its level: 1 at the top of the hierarchy, one more for each step down.</summary>
    public int Level => OrganisationPath.Depth(Path);

    /// <summary>Whether it is the top of the hierarchy.</summary>
    public bool IsTop => Level == 1;

    /// <summary>Whether <paramref name="other"/> lies below this organisation.</summary>
    public bool IsAbove(OrganisationUnit other) =>
        other is not null && other.Path.Length > Path.Length && OrganisationPath.IsWithin(other.Path, Path);
}

/// <summary>A member of staff and the organisation they act for.</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="Organisation">The organisation the user belongs to.</param>
public sealed record StaffMember(Guid UserId, OrganisationUnit Organisation);
