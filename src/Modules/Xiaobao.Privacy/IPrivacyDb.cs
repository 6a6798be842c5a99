using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Xiaobao.Privacy.Domain;

namespace Xiaobao.Privacy;

/// <summary>
/// The privacy module's tables, and — because encryption keys and the reveal cover every module's declared fields —
/// the model and generic sets to reach those fields without knowing the modules that own them.
/// </summary>
public interface IPrivacyDb
{
    DbSet<PersonalDataKeyUse> PersonalDataKeys { get; }

    DbSet<PersonalDataAccess> PersonalDataAccesses { get; }

    DbSet<KeyRotationState> KeyRotations { get; }

    IModel Model { get; }

    DatabaseFacade Database { get; }

    DbSet<TEntity> Set<TEntity>()
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
