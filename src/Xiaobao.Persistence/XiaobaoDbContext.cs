using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Xiaobao.Access;
using Xiaobao.Access.Domain;
using Xiaobao.Access.Persistence;
using Xiaobao.Audit;
using Xiaobao.Audit.Domain;
using Xiaobao.Calendar;
using Xiaobao.Calendar.Domain;
using Xiaobao.Customers;
using Xiaobao.Customers.Domain;
using Xiaobao.Jobs;
using Xiaobao.Jobs.Domain;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations;
using Xiaobao.Organisations.Domain;
using Xiaobao.Privacy;
using Xiaobao.Privacy.Domain;
using Xiaobao.TextEngine;
using Xiaobao.TextEngine.Domain;

namespace Xiaobao.Persistence;

/// <summary>
/// The one DbContext. It assembles every module's mappings and applies the organisation-scope filter to every
/// entity that implements <see cref="IOrganisationScoped"/>, so no read path can forget it.
/// Modules see it only through their own narrow interfaces (<see cref="IOrganisationsDb"/>, <see cref="IAccessDb"/>).
/// </summary>
public class XiaobaoDbContext(DbContextOptions<XiaobaoDbContext> options, IDataScope scope)
    : IdentityDbContext<XiaobaoUser, XiaobaoRole, Guid>(options), IOrganisationsDb, IAccessDb, ICalendarDb, IAuditDb, IJobsDb, IPrivacyDb, ICustomersDb, ITextEngineDb
{
    private readonly IDataScope _scope = scope;

    public const string ScopeFilter = "OrganisationScope";

    private const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static readonly MethodInfo s_applyScopeFilter =
        typeof(XiaobaoDbContext).GetMethod(nameof(ApplyScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<SignInRecord> SignIns => Set<SignInRecord>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<RecurringSchedule> RecurringSchedules => Set<RecurringSchedule>();

    public DbSet<PersonalDataKeyUse> PersonalDataKeys => Set<PersonalDataKeyUse>();

    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();

    public DbSet<KeyRotationState> KeyRotations => Set<KeyRotationState>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<StoredRuleSet> StoredRuleSets => Set<StoredRuleSet>();

    public DbSet<UserTermList> UserTermLists => Set<UserTermList>();

    /// <summary>
    /// Every save runs in a transaction, the caller's or one opened here, so the audit interceptor reads the chain head
    /// and appends to it inside the transaction that writes the change (see docs/adr/0007).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.BeginTransaction();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.ProviderName == SqliteProviderName)
        {
            // SQLite has no native date-time type: stored as text, a DateTimeOffset cannot be compared or ordered in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        AccessModel.Configure(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IOrganisationsDb).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(ICalendarDb).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(IAuditDb).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(IJobsDb).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(IPrivacyDb).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(ICustomersDb).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(ITextEngineDb).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IOrganisationScoped).IsAssignableFrom(e.ClrType)).ToList())
        {
            var pathProperty = entity.ClrType.GetCustomAttribute<ScopePathAttribute>()?.PropertyName ?? nameof(IOrganisationScoped.OrganisationPath);
            if (entity.FindProperty(pathProperty) is null)
            {
                throw new InvalidOperationException($"{entity.ClrType.Name} is organisation-scoped but has no mapped property {pathProperty}.");
            }

            s_applyScopeFilter.MakeGenericMethod(entity.ClrType).Invoke(this, [builder, pathProperty]);
        }
    }

    private void ApplyScopeFilter<TEntity>(ModelBuilder builder, string pathProperty)
        where TEntity : class
    {
        // A range rather than LIKE 'prefix%': both databases serve it from the path index whatever the bound values.
        // The bounds are read through this instance so EF parameterises them per query instead of baking them into the model.
        // CoversAll is inlined as a constant, so EF folds it away: a head-office caller gets no path predicate at all (a
        // planner without range statistics would otherwise sort the whole table), a branch caller gets only the range.
        // The expression is translated to SQL and never runs in .NET, so the culture-sensitive overload is not a concern.
#pragma warning disable CA1309
        Expression<Func<TEntity, bool>> filter = e =>
            EF.Constant(_scope.CoversAll)
            || (string.Compare(EF.Property<string>(e, pathProperty), _scope.PathFrom) >= 0
                && string.Compare(EF.Property<string>(e, pathProperty), _scope.PathBefore) < 0);
#pragma warning restore CA1309
        builder.Entity<TEntity>().HasQueryFilter(ScopeFilter, filter);
        builder.Entity<TEntity>().HasIndex(pathProperty);
        if (Database.ProviderName == PostgresProviderName)
        {
            // Byte order, so the range bounds mean the same subtree whatever the database's default collation.
            builder.Entity<TEntity>().Property(pathProperty).UseCollation("C");
        }
    }
}
