using Microsoft.EntityFrameworkCore;
using Xiaobao.TextEngine.Domain;

namespace Xiaobao.TextEngine;

/// <summary>The text engine's tables. Rule sets and term lists serve every organisation, so they are not scoped.</summary>
public interface ITextEngineDb
{
    DbSet<StoredRuleSet> StoredRuleSets { get; }

    DbSet<UserTermList> UserTermLists { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
