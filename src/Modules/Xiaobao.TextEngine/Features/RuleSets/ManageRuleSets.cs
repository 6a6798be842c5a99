using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Text.Phrases;
using Xiaobao.TextEngine.Domain;

namespace Xiaobao.TextEngine.Features.RuleSets;

public sealed record StoredVersionDto(string Version, bool IsActive, DateTimeOffset ImportedAt, string ImportedBy);

/// <summary>A rule set in force, with the versions an administrator has imported under its id.</summary>
public sealed record RuleSetSummaryDto(
    string Id, string Version, string Name, RuleSetOrigin Origin, int Rules, IReadOnlyList<string> DocumentTypes, bool NeedsDocumentType,
    bool HasBuiltIn, IReadOnlyList<StoredVersionDto> StoredVersions);

/// <summary>Lists, exports, imports and withdraws rule-set versions. Imports are whole documents, validated before anything is stored.</summary>
public sealed class ManageRuleSets(ITextEngineDb db, RuleSetCatalog catalog, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<RuleSetSummaryDto>> ListAsync(CancellationToken ct)
    {
        var inForce = await catalog.GetAsync(ct);
        var stored = await db.StoredRuleSets.AsNoTracking()
            .Select(r => new { r.RuleSetId, r.Version, r.IsActive, r.ImportedAt, r.ImportedBy })
            .ToListAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        return [.. inForce.Values.OrderBy(e => e.RuleSet.Id, StringComparer.Ordinal).Select(e => new RuleSetSummaryDto(
            e.RuleSet.Id, e.RuleSet.Version, e.RuleSet.Name.In(culture), e.Origin, e.RuleSet.Rules.Count, e.RuleSet.DocumentTypes, e.RuleSet.NeedsDocumentType,
            BuiltInRuleSets.Find(e.RuleSet.Id) is not null,
            [.. stored.Where(s => s.RuleSetId == e.RuleSet.Id).OrderByDescending(s => s.ImportedAt).Select(s => new StoredVersionDto(s.Version, s.IsActive, s.ImportedAt, s.ImportedBy))]))];
    }

    /// <summary>The JSON document of the version in force, or null for an unknown id.</summary>
    public async Task<string?> ExportAsync(string id, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } entry)
        {
            return null;
        }

        return entry.Origin == RuleSetOrigin.BuiltIn ? BuiltInRuleSets.Document(id) : RuleSetJson.Write(entry.RuleSet);
    }

    /// <summary>
    /// Stores <paramref name="document"/> as the new active version of its rule set, which must be <paramref name="id"/>
    /// when one is given (the API's route). Every format problem comes back as a field error keyed by its JSON path; a
    /// version number already used is a conflict.
    /// </summary>
    public async Task<RuleSetSummaryDto> ImportAsync(string? id, string? document, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            throw ValidationFailedException.For("document", UiText.Get("Error.Text.RuleSetEmpty"));
        }

        RuleSet parsed;
        try
        {
            parsed = RuleSetJson.Parse(document);
        }
        catch (RuleSetFormatException e)
        {
            throw new ValidationFailedException(RuleSetErrors.ToFieldErrors(e.Errors));
        }

        if (id is not null && parsed.Id != id)
        {
            throw ValidationFailedException.For("id", UiText.Format("Error.Text.RuleSetIdMismatch", parsed.Id, id));
        }

        id = parsed.Id;
        if (await db.StoredRuleSets.AnyAsync(r => r.RuleSetId == id && r.Version == parsed.Version, ct)
            || (BuiltInRuleSets.Find(id)?.RuleSet.Version == parsed.Version))
        {
            throw new DomainException("text/rule-set-version-exists", UiText.Format("Error.Text.RuleSetVersionExists", id, parsed.Version), isConflict: true);
        }

        foreach (var active in await db.StoredRuleSets.Where(r => r.RuleSetId == id && r.IsActive).ToListAsync(ct))
        {
            active.Deactivate();
        }

        db.StoredRuleSets.Add(StoredRuleSet.Import(id, parsed.Version, RuleSetJson.Write(parsed), actor.Actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
        return (await ListAsync(ct)).Single(s => s.Id == id);
    }

    /// <summary>Withdraws the imported version in force: a shipped set returns to its shipped version, an own set disappears.</summary>
    public async Task<bool> WithdrawAsync(string id, CancellationToken ct)
    {
        var active = await db.StoredRuleSets.Where(r => r.RuleSetId == id && r.IsActive).ToListAsync(ct);
        if (active.Count == 0)
        {
            return false;
        }

        active.ForEach(r => r.Deactivate());
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
        return true;
    }
}
