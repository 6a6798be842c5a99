using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>The outcome of an import: per-row errors and nothing written, or the counts of what was (or would be) written.</summary>
public sealed record OrganisationImportResult(bool DryRun, int Created, int Updated, int Unchanged, IReadOnlyList<OrganisationImportError> Errors)
{
    public static OrganisationImportResult Failed(params OrganisationImportError[] errors) => new(false, 0, 0, 0, errors);
}

/// <summary>
/// Reads a CSV or XLSX file, plans the upsert against the organisations in the caller's scope, and applies the whole
/// plan in one transaction, or nothing when any row is wrong.
/// </summary>
public static class ImportOrganisations
{
    public static async Task<OrganisationImportResult> HandleAsync(
        IOrganisationsDb db, IOrganisationPathRewriter rewriter, TimeProvider clock, Stream file, string fileName, bool dryRun, CancellationToken ct)
    {
        IReadOnlyList<OrganisationImportRow> rows;
        try
        {
            rows = OrganisationFileReader.Read(file, fileName);
        }
        catch (OrganisationFileException e)
        {
            return OrganisationImportResult.Failed(new OrganisationImportError(0, "file", e.Message));
        }

        var inScope = await db.Organisations.ToDictionaryAsync(o => o.Id, ct);
        var byCode = inScope.Values.ToDictionary(o => o.Code, StringComparer.Ordinal);

        // The parents of the scope's roots lie outside the scope; the planner needs them to check levels, and nothing may be placed under them.
        var outsideParentIds = inScope.Values.Where(o => o.ParentId is { } p && !inScope.ContainsKey(p)).Select(o => o.ParentId!.Value).Distinct().ToList();
        var outsideParents = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => outsideParentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var existing = inScope.Values
            .Select(o => new ExistingOrganisation(o.Id, o.Code, ParentCode(o, inScope, outsideParents), o.Level))
            .Concat(outsideParents.Values.Select(o => new ExistingOrganisation(o.Id, o.Code, null, o.Level)))
            .ToList();

        var plan = OrganisationImportPlanner.Plan(existing, rows);
        var errors = plan.Errors.Concat(await ScopeErrorsAsync(db, plan, byCode, outsideParents, ct)).ToList();
        if (errors.Count > 0)
        {
            return new OrganisationImportResult(dryRun, 0, 0, 0, errors.OrderBy(e => e.RowNumber).ToList());
        }

        var created = plan.Operations.OfType<OrganisationImportOperation.Create>().Count();
        var changed = plan.Operations.OfType<OrganisationImportOperation.Update>().Where(u => IsChange(u, inScope[u.ExistingId], inScope, outsideParents)).ToList();
        var unchanged = plan.Operations.Count - created - changed.Count;
        if (dryRun)
        {
            return new OrganisationImportResult(true, created, changed.Count, unchanged, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moves = Apply(db, plan, changed, byCode, outsideParents.Values.ToDictionary(o => o.Code, StringComparer.Ordinal), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        foreach (var (oldPath, newPath) in moves)
        {
            await rewriter.RewriteAsync(oldPath, newPath, ct);
        }

        await transaction.CommitAsync(ct);
        return new OrganisationImportResult(false, created, changed.Count, unchanged, []);
    }

    private static List<(string OldPath, string NewPath)> Apply(
        IOrganisationsDb db,
        OrganisationImportPlan plan,
        List<OrganisationImportOperation.Update> changed,
        Dictionary<string, Organisation> byCode,
        Dictionary<string, Organisation> outsideByCode,
        DateTimeOffset now)
    {
        var moves = new List<(string, string)>();
        var changedRows = changed.Select(c => c.RowNumber).ToHashSet();
        foreach (var operation in plan.Operations)
        {
            var parent = operation.ParentCode is null ? null : byCode.GetValueOrDefault(operation.ParentCode) ?? outsideByCode[operation.ParentCode];
            switch (operation)
            {
                case OrganisationImportOperation.Create create:
                    var organisation = Organisation.Create(Guid.CreateVersion7(), create.Code, create.NameZh, create.NameEn, create.Level, parent, now);
                    if (!create.IsActive)
                    {
                        organisation.Deactivate(now);
                    }

                    db.Organisations.Add(organisation);
                    byCode[organisation.Code] = organisation;
                    break;
                case OrganisationImportOperation.Update update when changedRows.Contains(update.RowNumber):
                    var target = byCode.Values.First(o => o.Id == update.ExistingId);
                    byCode.Remove(target.Code);
                    target.Rename(update.Code, update.NameZh, update.NameEn, now);
                    byCode[target.Code] = target;
                    if (target.ParentId != parent?.Id || target.Level != update.Level)
                    {
                        var oldPath = target.MoveTo(parent, update.Level, now);
                        foreach (var descendant in byCode.Values.Where(o => o != target && OrganisationPath.IsWithin(o.Path, oldPath)))
                        {
                            descendant.RebasePath(oldPath, target.Path);
                        }

                        moves.Add((oldPath, target.Path));
                    }

                    if (update.IsActive != target.IsActive)
                    {
                        if (update.IsActive)
                        {
                            target.Activate(now);
                        }
                        else
                        {
                            target.Deactivate(now);
                        }
                    }

                    break;
            }
        }

        return moves;
    }

    private static async Task<List<OrganisationImportError>> ScopeErrorsAsync(
        IOrganisationsDb db, OrganisationImportPlan plan, Dictionary<string, Organisation> byCode, Dictionary<Guid, Organisation> outsideParents, CancellationToken ct)
    {
        var errors = new List<OrganisationImportError>();
        var newCodes = plan.Operations.OfType<OrganisationImportOperation.Create>().Select(c => c.Code).ToList();
        var takenOutside = await db.Organisations.IgnoreQueryFilters().Where(o => newCodes.Contains(o.Code)).Select(o => o.Code).ToListAsync(ct);
        var outsideCodes = outsideParents.Values.ToDictionary(o => o.Code, o => o.Id, StringComparer.Ordinal);
        foreach (var operation in plan.Operations)
        {
            if (operation is OrganisationImportOperation.Create && (takenOutside.Contains(operation.Code) || outsideCodes.ContainsKey(operation.Code)))
            {
                errors.Add(new OrganisationImportError(operation.RowNumber, "code", UiText.Get("Error.Import.CodeOutsideScope")));
            }

            if (operation is OrganisationImportOperation.Update update && outsideParents.ContainsKey(update.ExistingId))
            {
                errors.Add(new OrganisationImportError(operation.RowNumber, "code", UiText.Get("Error.Import.OutsideScope")));
                continue;
            }

            if (operation.ParentCode is { } parentCode && outsideCodes.TryGetValue(parentCode, out var outsideId))
            {
                var keepsItsPlace = operation is OrganisationImportOperation.Update u && byCode.Values.First(o => o.Id == u.ExistingId).ParentId == outsideId;
                if (!keepsItsPlace)
                {
                    errors.Add(new OrganisationImportError(operation.RowNumber, "parent_code", UiText.Get("Error.Import.ParentOutsideScope")));
                }
            }
        }

        return errors;
    }

    private static bool IsChange(
        OrganisationImportOperation.Update update, Organisation current, Dictionary<Guid, Organisation> inScope, Dictionary<Guid, Organisation> outsideParents) =>
        update.Code != current.Code || update.NameZh != current.NameZh || update.NameEn != current.NameEn || update.Level != current.Level
        || update.IsActive != current.IsActive || update.ParentCode != ParentCode(current, inScope, outsideParents);

    private static string? ParentCode(Organisation o, Dictionary<Guid, Organisation> inScope, Dictionary<Guid, Organisation> outsideParents) =>
        o.ParentId is not { } parentId ? null
        : inScope.TryGetValue(parentId, out var parent) ? parent.Code
        : outsideParents.TryGetValue(parentId, out var outside) ? outside.Code
        : null;
}
