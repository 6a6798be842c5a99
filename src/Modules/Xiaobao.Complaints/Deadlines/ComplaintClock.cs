using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Complaints.Deadlines;

/// <summary>
/// The deadline engine: every deadline of a complaint as a pure function of its history, its rule version, the
/// holiday calendar and the moment of evaluation. Nothing here reads a clock.
/// </summary>
/// <remarks>
/// <para>Periods are counted by the rule set's counting rule on the Kernel calendar (for China: from the day after the
/// event, ending 24:00 of the last day, rolled past rest days).</para>
/// <para>A pause moves the start of the count on by the calendar days from the day it began to the day it ended, so a
/// pause opened and closed on one day costs nothing; a pause that begins after the deadline has passed does not revive
/// it. While the clock is stopped the deadline is shown as if it resumed at the moment of evaluation.</para>
/// <para>An extension replaces the period by the step's total period, counted from the same start. A repeat with new
/// facts restarts the period from its receipt with no pauses or extensions. A withdrawal or refusal ends every stage
/// not yet done. Reopening does not restart anything: only the first decision and notice after the last restart count.</para>
/// <para>Sub-clocks measure the time the clock ran (pauses excluded) from the start of the period to the first decision
/// notice, the end of the procedure, or the moment of evaluation, split by the organisation holding the complaint
/// (transfers move it; escalation to a service officer does not).</para>
/// </remarks>
public static class ComplaintClock
{
    /// <summary>Every deadline of the complaint whose history is <paramref name="history"/>, as of <paramref name="asOf"/>.</summary>
    /// <param name="history">The complaint's events in order, starting with <see cref="ComplaintRegistered"/>.</param>
    /// <param name="rules">The rule version the complaint is handled under.</param>
    /// <param name="calendar">Working days and rest days of the market.</param>
    /// <param name="asOf">The moment of evaluation, not earlier than the last event.</param>
    /// <exception cref="ArgumentException">The history does not start with a registration under <paramref name="rules"/>.</exception>
    public static ComplaintDeadlines Compute(IReadOnlyList<ComplaintEvent> history, ComplaintRuleSet rules, HolidayCalendar calendar, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        if (history.Count == 0 || history[0] is not ComplaintRegistered registered)
        {
            throw new ArgumentException("A complaint's history starts with its registration.", nameof(history));
        }

        if (registered.Rules != rules.Id)
        {
            throw new ArgumentException($"The complaint is handled under {registered.Rules}, not {rules.Id}.", nameof(rules));
        }

        var walk = HistoryWalk.Read(history);
        var decision = DecisionClockOf(walk, rules, calendar, asOf);
        var (organisations, levels) = SubClocks(walk, asOf);
        return new ComplaintDeadlines(AcceptanceOf(walk, rules, calendar, asOf), decision, VerificationOf(walk, rules, calendar, asOf), organisations, levels);
    }

    /// <summary>Whether a complaint received at <paramref name="laterReceivedAt"/> falls in the repeat-link window of one received at <paramref name="earlierReceivedAt"/>.</summary>
    public static bool IsWithinRepeatWindow(ComplaintRuleSet rules, HolidayCalendar calendar, DateTimeOffset earlierReceivedAt, DateTimeOffset laterReceivedAt)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return laterReceivedAt >= earlierReceivedAt
            && laterReceivedAt < DeadlineCalculator.Due(calendar, earlierReceivedAt, rules.Repeat.LinkWindow, rules.TimeZone).DueAt;
    }

    private static StageClock? AcceptanceOf(HistoryWalk walk, ComplaintRuleSet rules, HolidayCalendar calendar, DateTimeOffset asOf) =>
        rules.Acceptance.Period is { } period
            ? Stage(DeadlineCalculator.Due(calendar, walk.ReceivedAt, period, rules.TimeZone), walk.AcceptanceAt, walk.EndedAt, asOf)
            : null;

    private static DecisionClock DecisionClockOf(HistoryWalk walk, ComplaintRuleSet rules, HolidayCalendar calendar, DateTimeOffset asOf)
    {
        var period = walk.ExtensionLevel == 0 ? rules.Decision.Period : rules.Extension(walk.ExtensionLevel)!.TotalPeriod;
        var (due, pausedDays) = DueAfterPauses(calendar, rules.TimeZone, walk.ClockStart, period, walk.Pauses, walk.EndedAt ?? asOf);
        var noticeAt = EarliestCounted(walk.DecisionNotices, rules.Notification);
        var pausedSince = walk.Pauses.Count > 0 && walk.Pauses[^1].To is null ? walk.Pauses[^1].From : (DateTimeOffset?)null;
        return new DecisionClock(
            walk.ClockStart, walk.ExtensionLevel, pausedDays, pausedSince, walk.EndedAt,
            Stage(due, walk.DecidedAt, walk.EndedAt, asOf),
            Stage(due, noticeAt, walk.EndedAt, asOf));
    }

    private static VerificationClock? VerificationOf(HistoryWalk walk, ComplaintRuleSet rules, HolidayCalendar calendar, DateTimeOffset asOf)
    {
        if (rules.Verification is not { } rule || walk.DecidedBy is not { } decidedBy || (rule.RequiresUpperLevel && decidedBy.IsTop)
            || walk.DecisionNotices.Count == 0)
        {
            return null;
        }

        // The complainant may contest the decision they last received, so a re-notified decision reopens the window.
        var opened = walk.DecisionNotices[^1].ReceivedAt;
        var window = DeadlineCalculator.Due(calendar, opened, rule.RequestWindow, rules.TimeZone);
        if (walk.VerificationRequestedAt is not { } requested)
        {
            return new VerificationClock(opened, window, asOf < window.DueAt ? VerificationWindowStatus.Open : VerificationWindowStatus.Lapsed, null, null, null);
        }

        var due = DeadlineCalculator.Due(calendar, requested, rule.DecisionPeriod, rules.TimeZone);
        var ended = walk.EndedAt >= requested ? walk.EndedAt : null;
        return new VerificationClock(
            opened, window, VerificationWindowStatus.Requested, requested,
            Stage(due, walk.VerificationDecidedAt, ended, asOf),
            Stage(due, EarliestCounted(walk.VerificationNotices, rules.Notification), ended, asOf));
    }

    private static (IReadOnlyList<OrganisationClock> Organisations, IReadOnlyList<LevelClock> Levels) SubClocks(HistoryWalk walk, DateTimeOffset asOf)
    {
        var start = walk.ClockStart;
        var stop = walk.DecisionNotices.Count > 0 ? walk.DecisionNotices.Min(n => n.DispatchedAt) : walk.EndedAt ?? asOf;

        var consumed = new List<OrganisationClock>();
        for (var i = 0; i < walk.Holdings.Count; i++)
        {
            var from = Max(walk.Holdings[i].From, start);
            var to = i + 1 < walk.Holdings.Count ? Min(walk.Holdings[i + 1].From, stop) : stop;
            if (to <= from)
            {
                continue;
            }

            var running = to - from - walk.Pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + Overlap(p.From, p.To ?? stop, from, to));
            var organisation = walk.Holdings[i].Organisation;
            var index = consumed.FindIndex(c => c.Organisation.Id == organisation.Id);
            if (index < 0)
            {
                consumed.Add(new OrganisationClock(organisation, running));
            }
            else
            {
                consumed[index] = consumed[index] with { Consumed = consumed[index].Consumed + running };
            }
        }

        var levels = consumed
            .GroupBy(c => c.Organisation.Level)
            .OrderBy(g => g.Key)
            .Select(g => new LevelClock(g.Key, g.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Consumed)))
            .ToList();
        return (consumed, levels);
    }

    private static (Deadline Due, int PausedDays) DueAfterPauses(
        HolidayCalendar calendar, TimeZoneInfo zone, DateTimeOffset start, PeriodRule period, IReadOnlyList<ClockPause> pauses, DateTimeOffset openUntil)
    {
        var startDay = DayOf(start, zone);
        var shift = 0;
        foreach (var pause in pauses)
        {
            var current = DeadlineCalculator.Due(calendar, NoonOf(startDay.AddDays(shift), zone), period, zone);
            var from = DayOf(pause.From, zone);
            if (from > current.LastDay)
            {
                continue;
            }

            shift += Math.Max(0, DayOf(pause.To ?? openUntil, zone).DayNumber - from.DayNumber);
        }

        return (DeadlineCalculator.Due(calendar, shift == 0 ? start : NoonOf(startDay.AddDays(shift), zone), period, zone), shift);
    }

    private static DateTimeOffset? EarliestCounted(IEnumerable<ComplaintNotice> notices, NotificationRule rule) =>
        notices.Select(n => n.CountedAt(rule)).Where(t => t is not null).DefaultIfEmpty().Min();

    private static StageClock Stage(Deadline due, DateTimeOffset? completedAt, DateTimeOffset? endedAt, DateTimeOffset asOf)
    {
        var status = completedAt is { } done ? (done < due.DueAt ? StageStatus.OnTime : StageStatus.Late)
            : endedAt is { } ended ? (ended < due.DueAt ? StageStatus.Ended : StageStatus.Overdue)
            : asOf < due.DueAt ? StageStatus.Pending : StageStatus.Overdue;
        return new StageClock(due, status, completedAt);
    }

    private static DateOnly DayOf(DateTimeOffset moment, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);

    // Only the trigger's calendar day matters to the calculator; noon keeps that day whatever daylight saving does.
    private static DateTimeOffset NoonOf(DateOnly day, TimeZoneInfo zone)
    {
        var noon = day.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, zone.GetUtcOffset(noon));
    }

    private static TimeSpan Overlap(DateTimeOffset aFrom, DateTimeOffset aTo, DateTimeOffset bFrom, DateTimeOffset bTo)
    {
        var overlap = Min(aTo, bTo) - Max(aFrom, bFrom);
        return overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
