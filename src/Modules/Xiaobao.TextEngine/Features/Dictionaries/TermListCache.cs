using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Kernel.Caching;
using Xiaobao.Text.Segmentation;

namespace Xiaobao.TextEngine.Features.Dictionaries;

/// <summary>The terms of every active term list, ready for the segmenter; reloaded after an administrator changes a list.</summary>
public sealed class TermListCache(IServiceScopeFactory scopes) : IDisposable
{
    private readonly ReloadableValue<UserTerms> _terms = new();

    public ValueTask<UserTerms> TermsAsync(CancellationToken ct) => _terms.GetAsync(
        async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ITextEngineDb>();
            var lists = await db.UserTermLists.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name).ToListAsync(token);
            return new UserTerms(lists.SelectMany(l => l.TermList));
        },
        ct);

    /// <summary>The stored terms together with a caller's own, as one <see cref="UserTerms"/>.</summary>
    public async ValueTask<UserTerms> WithAsync(IEnumerable<string>? extra, CancellationToken ct)
    {
        var stored = await TermsAsync(ct);
        var own = extra?.ToList() ?? [];
        return own.Count == 0 ? stored : new UserTerms(stored.Terms.Concat(own));
    }

    public void Invalidate() => _terms.Invalidate();

    public void Dispose() => _terms.Dispose();
}
