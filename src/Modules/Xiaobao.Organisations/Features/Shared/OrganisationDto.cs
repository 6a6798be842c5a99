using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.Shared;

/// <summary>An organisation as the API and the pages show it. The parent is given only when it lies in the caller's scope.</summary>
public sealed record OrganisationDto(
    Guid Id, string Code, string NameZh, string NameEn, OrganisationLevel Level, Guid? ParentId, string? ParentCode, bool IsActive, DateTimeOffset UpdatedAt)
{
    internal static IQueryable<OrganisationDto> Project(IQueryable<Organisation> source, IQueryable<Organisation> all) =>
        from o in source
        join p in all on o.ParentId equals p.Id into parents
        from p in parents.DefaultIfEmpty()
        select new OrganisationDto(o.Id, o.Code, o.NameZh, o.NameEn, o.Level, p == null ? null : p.Id, p == null ? null : p.Code, o.IsActive, o.UpdatedAt);
}
