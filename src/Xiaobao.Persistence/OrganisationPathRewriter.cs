using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Persistence;

/// <summary>Finds every organisation-scoped table in the model and rewrites its path column with one UPDATE each.</summary>
internal sealed class OrganisationPathRewriter(XiaobaoDbContext db) : IOrganisationPathRewriter
{
    public async Task RewriteAsync(string oldPrefix, string newPrefix, CancellationToken cancellationToken)
    {
        foreach (var entity in db.Model.GetEntityTypes().Where(e => typeof(IOrganisationScoped).IsAssignableFrom(e.ClrType)))
        {
            var propertyName = entity.ClrType.GetCustomAttribute<ScopePathAttribute>()?.PropertyName ?? nameof(IOrganisationScoped.OrganisationPath);
            var property = entity.FindProperty(propertyName)!;
            var table = entity.GetTableName()!;
            var column = property.GetColumnName();
            var length = oldPrefix.Length;

            // Table and column names come from our own model, never from input; values go as parameters.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE \"{table}\" SET \"{column}\" = {{0}} || substr(\"{column}\", {{1}}) WHERE substr(\"{column}\", 1, {{2}}) = {{3}}",
                [newPrefix, length + 1, length, oldPrefix],
                cancellationToken);
#pragma warning restore EF1002
        }
    }
}
