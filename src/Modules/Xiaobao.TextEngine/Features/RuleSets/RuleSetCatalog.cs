using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Kernel.Caching;
using Xiaobao.Text.Phrases;

namespace Xiaobao.TextEngine.Features.RuleSets;

/// <summary>Where the rule set in use comes from.</summary>
public enum RuleSetOrigin
{
    /// <summary>Shipped with Xiaobao.</summary>
    BuiltIn,

    /// <summary>Imported by an administrator (possibly replacing a shipped set of the same id).</summary>
    Imported,
}

/// <summary>A rule set ready for checking, and where it came from.</summary>
public sealed record CatalogEntry(CompiledRuleSet Compiled, RuleSetOrigin Origin)
{
    public RuleSet RuleSet => Compiled.RuleSet;
}

/// <summary>
/// The rule sets in force: the shipped ones, each replaced by its active imported version if there is one, plus
/// imported sets of their own. Compiling a large set takes a while, so compiled versions are kept until replaced.
/// </summary>
public sealed class RuleSetCatalog(IServiceScopeFactory scopes) : IDisposable
{
    private readonly ReloadableValue<IReadOnlyDictionary<string, CatalogEntry>> _current = new();

    // Compiled versions outlive reloads: versions are immutable, and compiling 10,000 rules takes a while.
    private readonly ConcurrentDictionary<(string Id, string Version), CompiledRuleSet> _compiled = new();

    public ValueTask<IReadOnlyDictionary<string, CatalogEntry>> GetAsync(CancellationToken ct) => _current.GetAsync(LoadAsync, ct);

    public async ValueTask<CatalogEntry?> FindAsync(string id, CancellationToken ct) => (await GetAsync(ct)).GetValueOrDefault(id);

    /// <summary>Called after an import or withdrawal; the next request reloads from the database.</summary>
    public void Invalidate() => _current.Invalidate();

    public void Dispose() => _current.Dispose();

    private async Task<IReadOnlyDictionary<string, CatalogEntry>> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ITextEngineDb>();
        var stored = await db.StoredRuleSets.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        var entries = BuiltInRuleSets.All.ToDictionary(s => s.Id, s => new CatalogEntry(BuiltInRuleSets.Find(s.Id)!, RuleSetOrigin.BuiltIn), StringComparer.Ordinal);
        foreach (var version in stored)
        {
            var compiled = _compiled.GetOrAdd((version.RuleSetId, version.Version), _ => new CompiledRuleSet(RuleSetJson.Parse(version.Document)));
            entries[version.RuleSetId] = new CatalogEntry(compiled, RuleSetOrigin.Imported);
        }

        return entries;
    }
}
