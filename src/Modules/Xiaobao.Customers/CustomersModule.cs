using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Customers.Domain;
using Xiaobao.Customers.Features.EraseCustomer;
using Xiaobao.Customers.Features.ExportCustomers;
using Xiaobao.Customers.Features.ListCustomers;
using Xiaobao.Customers.Features.LookupCustomers;
using Xiaobao.Customers.Features.SaveCustomer;
using Xiaobao.Customers.Features.Shared;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;

namespace Xiaobao.Customers;

/// <summary>The customer registry: customers' personal data stored encrypted, shown masked, revealed with a reason.</summary>
public static class CustomersModule
{
    /// <summary>The record kind for the scope matrix, the reveal endpoint and the access log.</summary>
    public const string ScopedKind = "customer";

    public static IServiceCollection AddCustomersModule(this IServiceCollection services) => services
        .AddScoped<SaveCustomer>()
        .AddScoped<CustomerView>()
        .AddPersonalRecords<Customer>(ScopedKind);

    public static IEndpointRouteBuilder MapCustomersEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapApiGroup("customers", "Customers");
        group.MapGet("/", ListAsync).RequirePermission(Permissions.CustomersRead);
        group.MapGet("/export", ExportAsync).RequirePermission(Permissions.CustomersRead);
        group.MapGet("/lookup", LookupAsync).RequirePermission(Permissions.CustomersRead);
        group.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.CustomersRead).ForScoped(ScopedKind);
        group.MapPost("/", CreateAsync).RequirePermission(Permissions.CustomersManage);
        group.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.CustomersManage).ForScoped(ScopedKind);
        group.MapPost("/{id:guid}/erase", EraseAsync).RequirePermission(Permissions.CustomersErase).ForScoped(ScopedKind);

        // The reveal permission is checked by the handler, so that a refused attempt is audited too.
        group.MapPost("/{id:guid}/reveal", RevealAsync).RequirePermission(Permissions.CustomersRead).ForScoped(ScopedKind);
        group.MapGet("/{id:guid}/access-log", AccessLogAsync).RequirePermission(Permissions.CustomersRead).ForScoped(ScopedKind);
        return routes;
    }

    /// <summary>The export download for the pages, which a browser fetches with the UI's sign-in cookie.</summary>
    public static IEndpointRouteBuilder MapCustomersUiEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/customers/export", ExportAsync).RequireAuthorization(PermissionPolicy.CustomersRead).ExcludeFromDescription();
        return routes;
    }

    private static async Task<Ok<Page<CustomerDto>>> ListAsync(
        ICustomersDb db, CustomerView view, string? number, Guid? organisationId, int? page, int? pageSize, string? sort, bool? desc, CancellationToken ct) =>
        TypedResults.Ok(await ListCustomers.HandleAsync(
            db, view, new CustomerFilter(number, organisationId), new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize, sort, desc ?? false), ct));

    private static async Task<Ok<IReadOnlyList<CustomerDto>>> LookupAsync(
        ICustomersDb db, CustomerView view, IPersonalDataProtector protector, IPersonalDataAccess access, TimeProvider clock, string? phone, string? idNumber, CancellationToken ct) =>
        TypedResults.Ok(await LookupCustomers.HandleAsync(db, view, protector, access, clock, phone, idNumber, ct));

    private static async Task<Results<Ok<CustomerDto>, NotFound>> GetAsync(ICustomersDb db, CustomerView view, Guid id, CancellationToken ct) =>
        await ShowAsync(db, view, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<CustomerDto>, Ok<CustomerDto>>> CreateAsync(
        SaveCustomer handler, ICustomersDb db, CustomerView view, SaveCustomerRequest request, CancellationToken ct)
    {
        var (id, created) = await handler.CreateAsync(request, ct);
        var dto = (await ShowAsync(db, view, id, ct))!;
        return created ? TypedResults.Created($"{ApiRoutes.Prefix}/customers/{id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<CustomerDto>, NotFound>> UpdateAsync(
        SaveCustomer handler, ICustomersDb db, CustomerView view, Guid id, SaveCustomerRequest request, CancellationToken ct) =>
        await handler.UpdateAsync(id, request, ct) ? TypedResults.Ok((await ShowAsync(db, view, id, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<CustomerDto>, NotFound>> EraseAsync(
        ICustomersDb db, CustomerView view, IAuditLog audit, TimeProvider clock, Guid id, CancellationToken ct) =>
        await EraseCustomer.HandleAsync(db, audit, clock, id, ct) ? TypedResults.Ok((await ShowAsync(db, view, id, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<RevealedValue>, NotFound, ProblemHttpResult>> RevealAsync(
        IPersonalDataAccess access, ClaimsPrincipal user, Guid id, RevealRequest request, CancellationToken ct) =>
        PersonalDataHttp.ToHttp(await access.RevealAsync(user, ScopedKind, id, request, ct));

    private static async Task<Results<Ok<IReadOnlyList<PersonalDataAccessDto>>, NotFound>> AccessLogAsync(IPersonalDataAccess access, Guid id, CancellationToken ct) =>
        await access.ListAsync(ScopedKind, id, ct) is { } entries ? TypedResults.Ok(entries) : TypedResults.NotFound();

    private static async Task<FileStreamHttpResult> ExportAsync(
        ICustomersDb db, CustomerView view, IAuditLog audit, string? number, Guid? organisationId, CustomerExportFormat? format, CancellationToken ct)
    {
        var chosen = format ?? CustomerExportFormat.Xlsx;
        await audit.RecordAsync(
            new AuditEvent(AuditActions.Exported, nameof(Customer), null, new Dictionary<string, object?>
            {
                ["format"] = chosen.ToString(),
                ["number"] = number,
                ["organisationId"] = organisationId,
                ["masked"] = true,
            }),
            ct);
        var stream = await ExportCustomers.HandleAsync(db, view, new CustomerFilter(number, organisationId), chosen, ct);
        return chosen == CustomerExportFormat.Csv
            ? TypedResults.File(stream, "text/csv; charset=utf-8", "customers.csv")
            : TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "customers.xlsx");
    }

    private static async Task<CustomerDto?> ShowAsync(ICustomersDb db, CustomerView view, Guid id, CancellationToken ct) =>
        await ListCustomers.FindAsync(db, id, ct) is { } customer ? (await view.ShowAsync([customer], ct))[0] : null;
}
