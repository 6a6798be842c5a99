using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Persistence;

/// <summary>
/// Finds every organisation-scoped table in the model and rewrites its path column with one UPDATE each. The UPDATEs
/// bypass the change tracker, so one audit entry records the rewrite and how many rows each table had rewritten.
/// </summary>
internal sealed class OrganisationPathRewriter(XiaobaoDbContext db, IAuditLog audit) : IOrganisationPathRewriter
{
    public async Task RewriteAsync(string oldPrefix, string newPrefix, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => typeof(IOrganisationScoped).IsAssignableFrom(e.ClrType)))
        {
            var propertyName = entity.ClrType.GetCustomAttribute<ScopePathAttribute>()?.PropertyName ?? nameof(IOrganisationScoped.OrganisationPath);
            var property = entity.FindProperty(propertyName)!;
            var table = entity.GetTableName()!;
            var column = property.GetColumnName();
            var length = oldPrefix.Length;

            // Table and column names come from our own model, never from input; values go as parameters.
#pragma warning disable EF1002
            rows[table] = await db.Database.ExecuteSqlRawAsync(
                $"UPDATE \"{table}\" SET \"{column}\" = {{0}} || substr(\"{column}\", {{1}}) WHERE substr(\"{column}\", 1, {{2}}) = {{3}}",
                [newPrefix, length + 1, length, oldPrefix],
                cancellationToken);
#pragma warning restore EF1002
        }

        await audit.RecordAsync(
            new AuditEvent(AuditActions.BulkUpdated, "OrganisationPath", null, new Dictionary<string, object?>
            {
                ["oldPrefix"] = oldPrefix,
                ["newPrefix"] = newPrefix,
                ["rows"] = rows,
            }),
            cancellationToken);
    }
}
