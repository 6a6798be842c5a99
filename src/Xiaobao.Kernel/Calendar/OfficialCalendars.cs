using System.Globalization;
using System.Text.Json;

namespace Xiaobao.Kernel.Calendar;

/// <summary>Holiday calendars built from official notices shipped with Xiaobao.</summary>
public static class OfficialCalendars
{
    private const string ChinaMainlandResource = "Xiaobao.Kernel.Calendar.Data.cn-holidays.json";

    private static readonly Lazy<HolidayCalendar> _chinaMainland = new(() => Load(ChinaMainlandResource));

    /// <summary>
    /// Mainland China: the State Council's annual holiday notices (国务院办公厅关于部分节假日安排的通知),
    /// holiday blocks and make-up working days, for the years in <see cref="HolidayCalendar.CoveredYears"/>.
    /// </summary>
    /// <param name="settings">How to read it; <see cref="CalendarSettings.Default"/> when null.</param>
    public static HolidayCalendar ChinaMainland(CalendarSettings? settings = null) =>
        settings is null ? _chinaMainland.Value : _chinaMainland.Value.WithSettings(settings);

    private static HolidayCalendar Load(string resourceName)
    {
        using var stream = typeof(OfficialCalendars).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded calendar {resourceName} is missing from the build.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;

        var entries = root.GetProperty("entries").EnumerateArray().Select(e =>
        {
            var kindCode = e.GetProperty("kind").GetString();
            if (!CalendarDayKindCodes.TryParse(kindCode, out var kind))
            {
                throw new InvalidOperationException($"Embedded calendar {resourceName} has unknown kind \"{kindCode}\".");
            }

            return new CalendarEntry(
                DateOnly.ParseExact(e.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                kind.Value,
                e.GetProperty("name").GetString()!,
                e.GetProperty("source").GetString()!);
        });

        return new HolidayCalendar(
            root.GetProperty("version").GetString()!,
            entries,
            CalendarSettings.Default,
            root.GetProperty("coveredYears").EnumerateArray().Select(y => y.GetInt32()));
    }
}
