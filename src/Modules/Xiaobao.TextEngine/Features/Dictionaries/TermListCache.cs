using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Text.Segmentation;

namespace Xiaobao.TextEngine.Features.Dictionaries;

/// <summary>The terms of every active term list, ready for the segmenter; reloaded after an administrator changes a list.</summary>
public sealed class TermListCache(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserTerms? _terms;

    public async ValueTask<UserTerms> TermsAsync(CancellationToken ct)
    {
        if (_terms is { } terms)
        {
            return terms;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_terms is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ITextEngineDb>();
                var lists = await db.UserTermLists.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name).ToListAsync(ct);
                _terms = new UserTerms(lists.SelectMany(l => l.TermList));
            }

            return _terms;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The stored terms together with a caller's own, as one <see cref="UserTerms"/>.</summary>
    public async ValueTask<UserTerms> WithAsync(IEnumerable<string>? extra, CancellationToken ct)
    {
        var stored = await TermsAsync(ct);
        var own = extra?.ToList() ?? [];
        return own.Count == 0 ? stored : new UserTerms(stored.Terms.Concat(own));
    }

    public void Invalidate() => _terms = null;

    public void Dispose() => _gate.Dispose();
}
