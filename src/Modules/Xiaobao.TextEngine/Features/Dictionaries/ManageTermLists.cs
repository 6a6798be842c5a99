using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Text.Segmentation;
using Xiaobao.TextEngine.Domain;

namespace Xiaobao.TextEngine.Features.Dictionaries;

public sealed record TermListSummaryDto(string Name, int Terms, bool IsActive, DateTimeOffset UpdatedAt);

/// <summary>A term list as exported and imported.</summary>
public sealed record TermListDto(
    [property: Required, MaxLength(UserTermList.MaxTerms)] IReadOnlyList<string>? Terms,
    bool IsActive = true,
    string? Name = null,
    DateTimeOffset? UpdatedAt = null);

/// <summary>Administrators' term lists (user dictionaries) for segmentation: list, export, import, remove.</summary>
public sealed partial class ManageTermLists(ITextEngineDb db, TermListCache cache, TimeProvider clock)
{
    public async Task<IReadOnlyList<TermListSummaryDto>> ListAsync(CancellationToken ct) =>
        [.. (await db.UserTermLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct))
            .Select(l => new TermListSummaryDto(l.Name, l.TermList.Count, l.IsActive, l.UpdatedAt))];

    public async Task<TermListDto?> GetAsync(string name, CancellationToken ct) =>
        await db.UserTermLists.AsNoTracking().FirstOrDefaultAsync(l => l.Name == name, ct) is { } list
            ? new TermListDto(list.TermList, list.IsActive, list.Name, list.UpdatedAt)
            : null;

    /// <summary>Creates or replaces the list; terms are trimmed and de-duplicated, each at most 50 characters.</summary>
    public async Task<TermListDto> SaveAsync(string name, TermListDto request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ListName().IsMatch(name))
        {
            throw ValidationFailedException.For("name", UiText.Format("Error.Text.TermListName", UserTermList.NameMaxLength));
        }

        var terms = (request.Terms ?? []).Select(t => t?.Trim() ?? string.Empty).ToList();
        var errors = new FieldErrors();
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Length == 0 || terms[i].Length > UserTerms.MaxTermLength || terms[i].Contains('\n', StringComparison.Ordinal))
            {
                errors.Add($"terms[{i}]", UiText.Format("Error.Text.TermLength", UserTerms.MaxTermLength));
            }
        }

        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }

        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        var list = await db.UserTermLists.FirstOrDefaultAsync(l => l.Name == name, ct);
        if (list is null)
        {
            db.UserTermLists.Add(UserTermList.Create(name, distinct, request.IsActive, now));
        }
        else
        {
            list.Replace(distinct, request.IsActive, now);
        }

        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return (await GetAsync(name, ct))!;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken ct)
    {
        var list = await db.UserTermLists.FirstOrDefaultAsync(l => l.Name == name, ct);
        if (list is null)
        {
            return false;
        }

        db.UserTermLists.Remove(list);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex ListName();
}
