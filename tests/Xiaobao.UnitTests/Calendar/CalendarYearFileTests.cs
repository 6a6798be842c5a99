using Xiaobao.Kernel.Calendar;

namespace Xiaobao.UnitTests.Calendar;

// These tests read English message text; the messages follow the UI culture.
[UseUiCulture("en")]
public sealed class CalendarYearFileTests
{
    [Fact]
    public void Parse_ValidFile_ReturnsEntriesInDateOrder()
    {
        const string csv = "date,kind,name,source\r\n2027-02-07,makeup_workday,春节,国办发明电〔2026〕X号\r\n2027-01-01,statutory_holiday,元旦,国办发明电〔2026〕X号\r\n\r\n";

        var result = CalendarYearFile.Parse(csv, 2027);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [
                new CalendarEntry(new DateOnly(2027, 1, 1), CalendarDayKind.StatutoryHoliday, "元旦", "国办发明电〔2026〕X号"),
                new CalendarEntry(new DateOnly(2027, 2, 7), CalendarDayKind.MakeupWorkday, "春节", "国办发明电〔2026〕X号"),
            ],
            result.Entries);
    }

    [Fact]
    public void Parse_RowsWithErrors_ReportsEachRowAndReturnsNoEntries()
    {
        const string csv = """
            date,kind,name,source
            2027-01-01,statutory_holiday,元旦,n
            2027-13-01,statutory_holiday,元旦,n
            2026-12-31,statutory_holiday,元旦,n
            2027-02-07,holiday,春节,n
            2027-01-01,statutory_holiday,元旦,n
            2027-03-01,rest,x
            2027-03-02,rest,x,
            """;

        var result = CalendarYearFile.Parse(csv, 2027);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Entries);
        Assert.Equal(
            [(3, "date"), (4, "year"), (5, "kind"), (6, "duplicate"), (7, "columns"), (8, "empty")],
            result.Errors.Select(e => (e.Row, e.Code)));
        Assert.Contains("row 2", result.Errors.Single(e => e.Code == "duplicate").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2027-01-01,statutory_holiday,元旦,n")]
    [InlineData("day,kind,name,source\n2027-01-01,statutory_holiday,元旦,n")]
    public void Parse_MissingOrWrongHeader_Fails(string csv)
    {
        var result = CalendarYearFile.Parse(csv, 2027);

        Assert.False(result.Succeeded);
        Assert.Equal("header", result.Errors[0].Code);
        Assert.Equal(1, result.Errors[0].Row);
    }

    [Fact]
    public void Parse_UnknownKindAndBadDateOnOneRow_ReportsBoth()
    {
        var result = CalendarYearFile.Parse("date,kind,name,source\n01/02/2027,Holiday,x,n\n", 2027);

        Assert.Equal(["date", "kind"], result.Errors.Select(e => e.Code));
        Assert.All(result.Errors, e => Assert.Equal(2, e.Row));
    }

    [Fact]
    public void Write_OfficialYear_RoundTripsThroughParse()
    {
        var year2025 = OfficialCalendars.ChinaMainland().Entries.Where(e => e.Date.Year == 2025).ToList();

        var csv = CalendarYearFile.Write(year2025);
        var result = CalendarYearFile.Parse(csv, 2025);

        Assert.StartsWith(CalendarYearFile.Header + "\n", csv, StringComparison.Ordinal);
        Assert.True(result.Succeeded);
        Assert.Equal(year2025, result.Entries);
    }

    [Fact]
    public void Write_NameWithCommaAndQuote_IsQuotedAndReadBack()
    {
        var entry = new CalendarEntry(new DateOnly(2027, 5, 1), CalendarDayKind.StatutoryHoliday, "劳动节, \"五一\"", "src");

        var result = CalendarYearFile.Parse(CalendarYearFile.Write([entry]), 2027);

        Assert.Equal([entry], result.Entries);
    }

    [Fact]
    public void Parse_ThenWithYear_ProducesCoveredCalendar()
    {
        var result = CalendarYearFile.Parse("date,kind,name,source\n2027-01-01,statutory_holiday,元旦,n\n", 2027);

        var calendar = OfficialCalendars.ChinaMainland().WithYear(2027, result.Entries, "cn-2024-2027.1");

        Assert.True(calendar.IsCovered(2027));
        Assert.True(calendar.IsRestDay(new DateOnly(2027, 1, 1)));
    }
}
