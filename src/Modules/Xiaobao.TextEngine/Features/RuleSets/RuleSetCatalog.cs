using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(string Id, string Version), CompiledRuleSet> _compiled = [];
    private IReadOnlyDictionary<string, CatalogEntry>? _current;

    public async ValueTask<IReadOnlyDictionary<string, CatalogEntry>> GetAsync(CancellationToken ct)
    {
        if (_current is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_current is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ITextEngineDb>();
                var stored = await db.StoredRuleSets.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
                var entries = BuiltInRuleSets.All.ToDictionary(s => s.Id, s => new CatalogEntry(BuiltInRuleSets.Find(s.Id)!, RuleSetOrigin.BuiltIn), StringComparer.Ordinal);
                foreach (var version in stored)
                {
                    if (!_compiled.TryGetValue((version.RuleSetId, version.Version), out var compiled))
                    {
                        compiled = new CompiledRuleSet(RuleSetJson.Parse(version.Document));
                        _compiled[(version.RuleSetId, version.Version)] = compiled;
                    }

                    entries[version.RuleSetId] = new CatalogEntry(compiled, RuleSetOrigin.Imported);
                }

                _current = entries;
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<CatalogEntry?> FindAsync(string id, CancellationToken ct) => (await GetAsync(ct)).GetValueOrDefault(id);

    /// <summary>Called after an import or withdrawal; the next request reloads from the database.</summary>
    public void Invalidate() => _current = null;

    public void Dispose() => _gate.Dispose();
}
