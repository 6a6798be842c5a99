using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Calendar.Domain;
using Xiaobao.Calendar.Features.ManageCalendar;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;

namespace Xiaobao.Calendar;

public sealed record DeadlineQuery(DateTimeOffset Trigger, int Length, PeriodUnit Unit);

public sealed record SetCalendarDayRequest(
    CalendarDayKind? Kind,
    [property: StringLength(50)] string? Name,
    [property: StringLength(100)] string? Source);

/// <summary>The working-day calendar: official holidays and make-up days per year, editable, importable, and the deadline calculator.</summary>
public static class CalendarModule
{
    private const string CalendarIsGlobal = "One official calendar serves every organisation.";

    public static IServiceCollection AddCalendarModule(this IServiceCollection services) => services
        .AddSingleton<CalendarStore>()
        .AddSingleton<IHolidayCalendarProvider>(sp => sp.GetRequiredService<CalendarStore>())
        .AddScoped<CalendarYears>();

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapApiGroup("calendar", "Calendar");
        group.MapGet("/", async (CalendarYears years, CancellationToken ct) => TypedResults.Ok(await years.ListYearsAsync(ct)))
            .RequirePermission(Permissions.CalendarRead);
        group.MapGet("/{year:int}", async (CalendarYears years, int year, CancellationToken ct) => TypedResults.Ok(await years.GetAsync(year, ct)))
            .RequirePermission(Permissions.CalendarRead).ForGlobal(CalendarIsGlobal);
        group.MapGet("/{year:int}/export", ExportAsync).RequirePermission(Permissions.CalendarRead).ForGlobal(CalendarIsGlobal);
        group.MapPut("/{year:int}", ImportAsync).RequirePermission(Permissions.CalendarManage).DisableAntiforgery().ForGlobal(CalendarIsGlobal);
        group.MapPut("/days/{date}", SetDayAsync).RequirePermission(Permissions.CalendarManage).ForGlobal(CalendarIsGlobal);
        group.MapGet("/deadline", DeadlineAsync).RequirePermission(Permissions.CalendarRead);
        return routes;
    }

    /// <summary>
    /// Routes the calendar page links to. The API accepts only bearer tokens and API keys, so a plain download link
    /// from a signed-in browser needs this cookie-authenticated twin of the export endpoint.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarUiEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/calendar/{year:int}/export.csv", ExportAsync)
            .RequireAuthorization(PermissionPolicy.Name(Permissions.CalendarRead))
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task<FileContentHttpResult> ExportAsync(CalendarYears years, IAuditLog audit, int year, CancellationToken ct)
    {
        var data = await years.GetAsync(year, ct);
        await audit.RecordAsync(
            new AuditEvent(AuditActions.Exported, nameof(CalendarYear), year.ToString(System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, object?>
            {
                ["format"] = "Csv",
                ["rows"] = data.Entries.Count,
            }),
            ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(CalendarYearFile.Write(data.Entries)), "text/csv; charset=utf-8", $"calendar-{year}.csv");
    }

    private static async Task<Results<Ok<CalendarYearDto>, BadRequest<IReadOnlyList<CalendarRowError>>>> ImportAsync(
        CalendarYears years, int year, IFormFile file, string? version, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        var errors = await years.ImportAsync(year, await reader.ReadToEndAsync(ct), version ?? $"import-{year}", ct);
        return errors.Count == 0 ? TypedResults.Ok(await years.GetAsync(year, ct)) : TypedResults.BadRequest(errors);
    }

    private static async Task<NoContent> SetDayAsync(CalendarYears years, string date, SetCalendarDayRequest request, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
        {
            throw Kernel.Errors.ValidationFailedException.For("date", UiText.Get("Error.Calendar.DateFormat"));
        }

        await years.SetDayAsync(day, request.Kind, request.Name ?? string.Empty, request.Source ?? string.Empty, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Deadline>> DeadlineAsync(IHolidayCalendarProvider calendars, [AsParameters] DeadlineQuery query, CancellationToken ct)
    {
        if (query.Length is < 1 or > 3650)
        {
            throw Kernel.Errors.ValidationFailedException.For("length", UiText.Format("Error.Calendar.PeriodLength", 1, 3650));
        }

        var calendar = await calendars.GetAsync(ct);
        return TypedResults.Ok(DeadlineCalculator.Due(calendar, query.Trigger, new PeriodRule(query.Length, query.Unit), DeadlineCalculator.ChinaStandardTime));
    }
}
