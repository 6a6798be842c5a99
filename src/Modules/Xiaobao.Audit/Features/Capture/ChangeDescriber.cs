using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Xiaobao.Audit.Domain;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Audit.Features.Capture;

/// <summary>Describes one tracked change, or one explicit event, as an unlinked audit entry.</summary>
internal static class ChangeDescriber
{
    public const string Changed = "changed";

    public const string RoleEntityType = "Role";

    /// <summary>
    /// Secrets, and personal fields of Identity's base class that we cannot mark with <see cref="PersonalAttribute"/>:
    /// recorded as changed, never with their values.
    /// </summary>
    private static readonly HashSet<string> s_masked = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "SecretHash", "Email", "NormalizedEmail", "PhoneNumber",
    };

    /// <summary>
    /// Identity's optimistic-concurrency token: it changes on every Identity write and says nothing about the record, so an
    /// update that changes only it is no change worth an entry (a user edit would otherwise add three such entries).
    /// </summary>
    private const string ConcurrencyStamp = "ConcurrencyStamp";

    // Reflection answers per type and property, looked up once: every audited save asks them for every property.
    private static readonly ConcurrentDictionary<(Type Type, string Property), bool> s_maskedProperty = new();
    private static readonly ConcurrentDictionary<Type, string> s_pathProperty = new();

    public static AuditDraft? Describe(EntityEntry entry, ActorSnapshot actor)
    {
        switch (entry.Entity)
        {
            case IdentityRoleClaim<Guid> claim:
                return DescribeGrant(entry, claim, actor);
            case IdentityUserRole<Guid> membership:
                return DescribeMembership(entry, membership, actor);
        }

        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name != ConcurrencyStamp))
        {
            var masked = IsMasked(property);
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[property.Metadata.Name] = masked ? Changed : new Dictionary<string, object?> { ["after"] = property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = masked ? Changed : new Dictionary<string, object?> { ["before"] = property.OriginalValue };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) && !SameSequence(property.OriginalValue, property.CurrentValue):
                    changes[property.Metadata.Name] = masked ? Changed : new Dictionary<string, object?> { ["before"] = property.OriginalValue, ["after"] = property.CurrentValue };
                    break;
            }
        }

        if (entry.State == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }

        var action = entry.State switch
        {
            EntityState.Added => AuditActions.Created,
            EntityState.Deleted => AuditActions.Deleted,
            _ => AuditActions.Updated,
        };
        var (organisationId, paths) = Placement(entry);
        return new AuditDraft(
            actor,
            organisationId ?? actor.OrganisationId,
            VisibleTo(paths, actor),
            EntityTypeName(entry.Metadata.ClrType),
            KeyOf(entry),
            action,
            CanonicalJson.Object(changes));
    }

    public static AuditDraft Describe(AuditEvent auditEvent, ActorSnapshot current)
    {
        var actor = auditEvent.Actor ?? current;
        var paths = auditEvent.OrganisationPath is { } path ? new List<string> { path } : [];
        return new AuditDraft(
            actor,
            auditEvent.OrganisationId ?? actor.OrganisationId,
            VisibleTo(paths, actor),
            auditEvent.EntityType,
            auditEvent.EntityId,
            auditEvent.Action,
            CanonicalJson.Object(auditEvent.Details ?? new Dictionary<string, object?>()));
    }

    /// <summary>
    /// The deepest organisation path under which every organisation the entry names lies: the record's, its parent's when
    /// the record is an organisation (it names its parent), and the actor's. A caller sees an entry only when that
    /// path is within their scope, so no entry shows them an organisation, user or key outside it.
    /// </summary>
    internal static string VisibleTo(List<string> paths, ActorSnapshot actor)
    {
        if (actor.Kind is ActorKind.User or ActorKind.ApiKey && actor.OrganisationPath is { Length: > 0 } own)
        {
            paths.Add(own);
        }

        if (paths.Count == 0)
        {
            // Nothing to place it by (system work on an unscoped record, an unknown user's sign-in): system scope only.
            return OrganisationPath.Root;
        }

        var common = paths[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var length = common.Length;
        foreach (var path in paths.Skip(1))
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var i = 0;
            while (i < length && i < segments.Length && segments[i] == common[i])
            {
                i++;
            }

            length = i;
        }

        return length == 0 ? OrganisationPath.Root : $"/{string.Join('/', common.Take(length))}/";
    }

    private static AuditDraft DescribeGrant(EntityEntry entry, IdentityRoleClaim<Guid> claim, ActorSnapshot actor)
    {
        var change = entry.State switch
        {
            EntityState.Added => new Dictionary<string, object?> { ["granted"] = claim.ClaimValue },
            EntityState.Deleted => new Dictionary<string, object?> { ["revoked"] = entry.Property(nameof(claim.ClaimValue)).OriginalValue },
            _ => new Dictionary<string, object?> { ["revoked"] = entry.Property(nameof(claim.ClaimValue)).OriginalValue, ["granted"] = claim.ClaimValue },
        };
        var changes = new Dictionary<string, object?> { [claim.ClaimType ?? "claim"] = change };
        return new AuditDraft(actor, actor.OrganisationId, VisibleTo([], actor), RoleEntityType, claim.RoleId.ToString("D", CultureInfo.InvariantCulture),
            AuditActions.PermissionChanged, CanonicalJson.Object(changes));
    }

    /// <summary>
    /// A role given to or taken from a user, recorded on the user (where the user's branch can see it) with the role's
    /// name. Identity loads both the user and the role before it changes a membership, so both are normally tracked.
    /// </summary>
    private static AuditDraft DescribeMembership(EntityEntry entry, IdentityUserRole<Guid> membership, ActorSnapshot actor)
    {
        var role = entry.Context.ChangeTracker.Entries<IdentityRole<Guid>>().Select(e => e.Entity).FirstOrDefault(r => r.Id == membership.RoleId);
        var roleName = role?.Name ?? membership.RoleId.ToString("D", CultureInfo.InvariantCulture);
        var change = entry.State == EntityState.Deleted
            ? new Dictionary<string, object?> { ["revoked"] = roleName }
            : new Dictionary<string, object?> { ["granted"] = roleName };
        var user = entry.Context.ChangeTracker.Entries<IdentityUser<Guid>>().FirstOrDefault(e => e.Entity.Id == membership.UserId);
        var (organisationId, paths) = user is null ? (null, []) : Placement(user);
        var userType = entry.Metadata.GetForeignKeys()
            .FirstOrDefault(fk => fk.Properties is [{ Name: nameof(IdentityUserRole<Guid>.UserId) }])?.PrincipalEntityType.ClrType ?? typeof(IdentityUser<Guid>);
        return new AuditDraft(
            actor,
            organisationId ?? actor.OrganisationId,
            VisibleTo(paths, actor),
            EntityTypeName(userType),
            membership.UserId.ToString("D", CultureInfo.InvariantCulture),
            AuditActions.PermissionChanged,
            CanonicalJson.Object(new Dictionary<string, object?> { ["role"] = change }));
    }

    private static (Guid? OrganisationId, List<string> Paths) Placement(EntityEntry entry)
    {
        if (entry.Entity is not IOrganisationScoped scoped)
        {
            return (null, []);
        }

        var pathProperty = s_pathProperty.GetOrAdd(
            entry.Metadata.ClrType, type => type.GetCustomAttribute<ScopePathAttribute>()?.PropertyName ?? nameof(IOrganisationScoped.OrganisationPath));
        var property = entry.Property(pathProperty);
        var paths = new[] { property.CurrentValue as string, entry.State == EntityState.Added ? null : property.OriginalValue as string }
            .OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        // An organisation's own record names its parent; place it where the parent is visible too.
        var isOrganisation = entry.Metadata.FindPrimaryKey()?.Properties is [{ } key] && Equals(entry.Property(key.Name).CurrentValue, scoped.OrganisationId);
        if (isOrganisation)
        {
            paths = paths.Select(Parent).ToList();
        }

        return (scoped.OrganisationId, paths);
    }

    private static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        var parent = cut <= 0 ? OrganisationPath.Root : trimmed[..(cut + 1)];

        // A top-level organisation has no parent to hide; its own path places it.
        return parent == OrganisationPath.Root ? path : parent;
    }

    private static bool IsMasked(PropertyEntry property) => s_maskedProperty.GetOrAdd(
        (property.Metadata.DeclaringType.ClrType, property.Metadata.Name),
        static (_, metadata) => s_masked.Contains(metadata.Name) || metadata.PropertyInfo?.GetCustomAttribute<PersonalAttribute>(inherit: true) is not null,
        property.Metadata);

    private static bool SameSequence(object? before, object? after) =>
        before is System.Collections.IEnumerable a and not string && after is System.Collections.IEnumerable b and not string
        && a.Cast<object?>().SequenceEqual(b.Cast<object?>());

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null || key.Properties.Any(p => entry.Property(p.Name).IsTemporary))
        {
            // A key the database generates is not known before the save; the entry still records every value.
            return null;
        }

        return string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string EntityTypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
