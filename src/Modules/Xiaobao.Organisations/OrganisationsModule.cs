using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;
using Xiaobao.Organisations.Domain;
using Xiaobao.Organisations.Features.ExportOrganisations;
using Xiaobao.Organisations.Features.GetOrganisation;
using Xiaobao.Organisations.Features.ImportOrganisations;
using Xiaobao.Organisations.Features.ListOrganisations;
using Xiaobao.Organisations.Features.MoveOrganisation;
using Xiaobao.Organisations.Features.SaveOrganisation;
using Xiaobao.Organisations.Features.SetOrganisationActive;
using Xiaobao.Organisations.Features.Shared;

namespace Xiaobao.Organisations;

/// <summary>The organisation module's public surface: the four-level hierarchy, its editor, import and export.</summary>
public static class OrganisationsModule
{
    public const string ScopedKind = "organisation";

    public static IServiceCollection AddOrganisationsModule(this IServiceCollection services) =>
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();

    public static IEndpointRouteBuilder MapOrganisationsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapApiGroup("organisations", "Organisations");
        group.MapGet("/", ListAsync).RequirePermission(Permissions.OrganisationsRead);
        group.MapGet("/export", ExportAsync).RequirePermission(Permissions.OrganisationsRead);
        group.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.OrganisationsRead).ForScoped(ScopedKind);
        group.MapPost("/", CreateAsync).RequirePermission(Permissions.OrganisationsManage);
        group.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.OrganisationsManage).ForScoped(ScopedKind);
        group.MapPost("/{id:guid}/move", MoveAsync).RequirePermission(Permissions.OrganisationsManage).ForScoped(ScopedKind);
        group.MapPost("/{id:guid}/deactivate", DeactivateAsync).RequirePermission(Permissions.OrganisationsManage).ForScoped(ScopedKind);
        group.MapPost("/{id:guid}/activate", ActivateAsync).RequirePermission(Permissions.OrganisationsManage).ForScoped(ScopedKind);
        group.MapPost("/import", ImportAsync).RequirePermission(Permissions.OrganisationsManage).DisableAntiforgery();
        return routes;
    }

    /// <summary>
    /// Routes the organisation pages need outside Blazor: the export download, which a browser fetches with the UI's
    /// sign-in cookie (the API group accepts only bearer tokens and API keys).
    /// </summary>
    public static IEndpointRouteBuilder MapOrganisationsUiEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/organisations/export", ExportAsync)
            .RequireAuthorization(PermissionPolicy.Name(Permissions.OrganisationsRead))
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task<Ok<Page<OrganisationDto>>> ListAsync(
        IOrganisationsDb db, string? search, OrganisationLevel? level, bool? active, Guid? parentId,
        int? page, int? pageSize, string? sort, bool? desc, CancellationToken ct) =>
        TypedResults.Ok(await ListOrganisations.HandleAsync(
            db, new OrganisationFilter(search, level, active, parentId), new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize, sort, desc ?? false), ct));

    private static async Task<FileStreamHttpResult> ExportAsync(
        IOrganisationsDb db, IAuditLog audit, string? search, OrganisationLevel? level, bool? active, Guid? parentId, SpreadsheetFormat? format, CancellationToken ct)
    {
        var chosen = format ?? SpreadsheetFormat.Xlsx;
        await audit.RecordAsync(
            new AuditEvent(AuditActions.Exported, nameof(Organisation), null, new Dictionary<string, object?>
            {
                ["format"] = chosen.ToString(),
                ["search"] = search,
                ["level"] = level?.ToString(),
                ["active"] = active,
                ["parentId"] = parentId,
            }),
            ct);
        var stream = await ExportOrganisations.HandleAsync(db, new OrganisationFilter(search, level, active, parentId), chosen, ct);
        return chosen == SpreadsheetFormat.Csv
            ? TypedResults.File(stream, "text/csv; charset=utf-8", "organisations.csv")
            : TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "organisations.xlsx");
    }

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> GetAsync(IOrganisationsDb db, Guid id, CancellationToken ct) =>
        await GetOrganisation.HandleAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Created<OrganisationDto>> CreateAsync(IOrganisationsDb db, TimeProvider clock, CreateOrganisationRequest request, CancellationToken ct)
    {
        var id = await SaveOrganisation.CreateAsync(db, clock, request, ct);
        var dto = (await GetOrganisation.HandleAsync(db, id, ct))!;
        return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{id}", dto);
    }

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> UpdateAsync(
        IOrganisationsDb db, TimeProvider clock, Guid id, UpdateOrganisationRequest request, CancellationToken ct) =>
        await SaveOrganisation.UpdateAsync(db, clock, id, request, ct) ? TypedResults.Ok((await GetOrganisation.HandleAsync(db, id, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> MoveAsync(
        IOrganisationsDb db, IOrganisationPathRewriter rewriter, TimeProvider clock, Guid id, MoveOrganisationRequest request, CancellationToken ct) =>
        await MoveOrganisation.HandleAsync(db, rewriter, clock, id, request, ct) ? TypedResults.Ok((await GetOrganisation.HandleAsync(db, id, ct))!) : TypedResults.NotFound();

    private static Task<Results<Ok<OrganisationDto>, NotFound>> DeactivateAsync(IOrganisationsDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        SetActiveAsync(db, clock, id, active: false, ct);

    private static Task<Results<Ok<OrganisationDto>, NotFound>> ActivateAsync(IOrganisationsDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        SetActiveAsync(db, clock, id, active: true, ct);

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> SetActiveAsync(IOrganisationsDb db, TimeProvider clock, Guid id, bool active, CancellationToken ct) =>
        await SetOrganisationActive.HandleAsync(db, clock, id, active, ct) ? TypedResults.Ok((await GetOrganisation.HandleAsync(db, id, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganisationImportResult>, BadRequest<OrganisationImportResult>>> ImportAsync(
        IOrganisationsDb db, IOrganisationPathRewriter rewriter, TimeProvider clock, IFormFile file, bool? dryRun, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var result = await ImportOrganisations.HandleAsync(db, rewriter, clock, stream, file.FileName, dryRun ?? false, ct);
        return result.Errors.Count == 0 ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }
}
