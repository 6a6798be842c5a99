using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.Shared;

/// <summary>An organisation as the API and the pages show it.</summary>
public sealed record OrganisationDto(
    Guid Id, string Code, string NameZh, string NameEn, OrganisationLevel Level, Guid? ParentId, string? ParentCode, bool IsActive, DateTimeOffset UpdatedAt)
{
    internal static IQueryable<OrganisationDto> Project(IQueryable<Organisation> source, IQueryable<Organisation> all) =>
        from o in source
        join p in all on o.ParentId equals p.Id into parents
        from p in parents.DefaultIfEmpty()
        select new OrganisationDto(o.Id, o.Code, o.NameZh, o.NameEn, o.Level, o.ParentId, p == null ? null : p.Code, o.IsActive, o.UpdatedAt);
}
