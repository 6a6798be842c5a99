using System.Globalization;
using System.Text.Json;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>
/// Reads one version of a market's complaint rules from JSON and checks it whole: a set is either complete and
/// consistent or refused with every problem listed (<see cref="ComplaintRuleDataException"/>), each naming its rule.
/// </summary>
/// <remarks>The file format is the one of <c>RuleBook/Data/cn-cbirc-2020.json</c>.</remarks>
public static class ComplaintRuleSetReader
{
    private static readonly string[] _ruleMeta = ["id", "source", "status"];

    private static readonly Dictionary<string, ApproverPlacement> _placements = new(StringComparer.Ordinal)
    {
        ["handling"] = ApproverPlacement.Handling,
        ["handling_or_above"] = ApproverPlacement.HandlingOrAbove,
        ["above_handling"] = ApproverPlacement.AboveHandling,
        ["top"] = ApproverPlacement.Top,
    };

    private static readonly Dictionary<string, NoticeLevel> _noticeLevels = new(StringComparer.Ordinal)
    {
        ["none"] = NoticeLevel.None,
        ["recommended"] = NoticeLevel.Recommended,
        ["required"] = NoticeLevel.Required,
    };

    private static readonly Dictionary<string, NoticeMoment> _moments = new(StringComparer.Ordinal)
    {
        ["dispatched"] = NoticeMoment.Dispatched,
        ["delivered"] = NoticeMoment.Delivered,
    };

    private static readonly Dictionary<string, DecisionContent> _contents = new(StringComparer.Ordinal)
    {
        ["how_verified"] = DecisionContent.HowVerified,
        ["grounds"] = DecisionContent.Grounds,
    };

    private static readonly Dictionary<string, MajorComplaintEffect> _effects = new(StringComparer.Ordinal)
    {
        ["emergency_procedure"] = MajorComplaintEffect.EmergencyProcedure,
        ["immediate_escalation"] = MajorComplaintEffect.ImmediateEscalation,
    };

    /// <summary>Reads a rule set from JSON text.</summary>
    /// <exception cref="ComplaintRuleDataException">The data is malformed or inconsistent.</exception>
    public static ComplaintRuleSet Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return RuleFile.Parse(json, "rule-set", Read);
    }

    private static ComplaintRuleSet? Read(JsonDocument document, List<RuleDataError> errors)
    {
        var root = RuleNode.Root(
            document, "rule-set", errors,
            "market", "version", "effectiveFrom", "effectiveTo", "timeZone", "standardUtcOffset", "currency", "sources", "counting",
            "acceptance", "decision", "extensions", "pauses", "repeat", "withdrawal", "verification", "notification", "decisionNotice",
            "groupComplaint", "majorComplaint", "escalation");
        if (root is null)
        {
            return null;
        }

        var version = root.Version();
        var zone = ReadTimeZone(root);
        var currency = root.String("currency");
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            root.Invalid("currency", "ISO 4217");
        }

        var sources = root.Objects("sources", ["id", "title"])
            .Select(s => (Id: s.String("id"), Title: s.String("title")))
            .Where(s => s.Id is not null && s.Title is not null)
            .Select(s => new RuleSourceDocument(s.Id!, s.Title!))
            .ToList();
        var sourceIds = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var read = new Reader(sourceIds);

        var counting = read.Counting(root.Object("counting", [.. _ruleMeta, "startExclusive", "rollForwardIfRestDay"]));
        var acceptance = read.Acceptance(root.Object("acceptance", [.. _ruleMeta, "period", "note", "rejectionReasons"]), counting);
        var decision = read.Decision(root.Object("decision", [.. _ruleMeta, "period"]), counting);
        var rules = new ComplaintRules(
            counting!,
            acceptance!,
            decision!,
            read.Extensions(root, counting, decision),
            [.. root.Objects("pauses", [.. _ruleMeta, "customerNotice"]).Select(read.Pause).OfType<PauseRule>()],
            read.Repeat(root.Object("repeat", [.. _ruleMeta, "newFactsRestartPeriod", "linkWindow", "linkWindowStatus"]), counting)!,
            read.Withdrawal(root.Object("withdrawal", _ruleMeta))!,
            read.Verification(root.Object("verification", [.. _ruleMeta, "requestWindow", "decisionPeriod", "requiresUpperLevel"], required: false), counting),
            read.Notification(root.Object("notification", [.. _ruleMeta, "channels", "proofRequired"]))!,
            read.DecisionNotice(root.Object("decisionNotice", [.. _ruleMeta, "requiredContents", "remedies"]))!,
            read.GroupComplaint(root.Object("groupComplaint", [.. _ruleMeta, "maxRepresentatives"]))!,
            read.MajorComplaint(root.Object("majorComplaint", [.. _ruleMeta, "criteria", "effects"]))!,
            read.Escalation(root.Object("escalation", [.. _ruleMeta, "triggers"]))!);

        CheckUniqueIds(root, rules, errors);
        return errors.Count == 0
            ? new ComplaintRuleSet(new RuleSetId(version!.Value.Market, version.Value.Version), version.Value.From, version.Value.To, zone!, currency!, sources, rules)
            : null;
    }

    private static TimeZoneInfo? ReadTimeZone(RuleNode root)
    {
        var id = root.String("timeZone");
        var offsetText = root.String("standardUtcOffset", required: false);
        TimeSpan? offset = null;
        if (offsetText is not null)
        {
            if (TimeSpan.TryParseExact(offsetText.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture, out var parsed) && offsetText[0] is '+' or '-')
            {
                offset = offsetText[0] == '-' ? -parsed : parsed;
            }
            else
            {
                root.Invalid("standardUtcOffset", "+hh:mm");
            }
        }

        if (id is null)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        // Slim containers ship without tzdata; a zone without daylight saving is then rebuilt from its offset.
        if (offset is { } fixedOffset)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, fixedOffset, id, id);
        }

        root.Invalid("timeZone", "IANA time zone");
        return null;
    }

    private static void CheckUniqueIds(RuleNode root, ComplaintRules rules, List<RuleDataError> errors)
    {
        if (errors.Count > 0)
        {
            return;
        }

        var all = new List<ComplaintRule> { rules.Counting, rules.Acceptance, rules.Decision, rules.Repeat, rules.Withdrawal, rules.Notification, rules.DecisionNotice, rules.GroupComplaint, rules.MajorComplaint, rules.Escalation };
        all.AddRange(rules.Acceptance.RejectionReasons);
        all.AddRange(rules.Extensions);
        all.AddRange(rules.Pauses);
        if (rules.Verification is not null)
        {
            all.Add(rules.Verification);
        }

        foreach (var duplicate in all.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            root.As(duplicate.Key).Add("id", "duplicate", UiText.Format("Error.ComplaintRules.Duplicate", duplicate.Key, duplicate.Key));
        }
    }

    /// <summary>Reads the rules of one set against the set's list of sources.</summary>
    private sealed class Reader(IReadOnlyCollection<string> sources)
    {
        public PeriodCountingRule? Counting(RuleNode? node) =>
            node is null ? null : Rule(node, (id, source, status) =>
            {
                var startExclusive = node.Bool("startExclusive");
                var roll = node.Bool("rollForwardIfRestDay");
                return startExclusive is { } s && roll is { } r ? new PeriodCountingRule(id, source, status, s, r) : null;
            });

        public AcceptanceRule? Acceptance(RuleNode? node, PeriodCountingRule? counting) =>
            node is null ? null : Rule(node, (id, source, status) =>
            {
                var period = node.Period("period", counting, required: false);
                node.String("note", required: false);
                var reasons = node.Objects("rejectionReasons", [.. _ruleMeta, "noticeRequired"], required: false)
                    .Select(r => Rule(r, (rid, rsource, rstatus) => r.Bool("noticeRequired") is { } notice ? new RejectionReasonRule(rid, rsource, rstatus, notice) : null))
                    .ToList();
                return reasons.All(r => r is not null) ? new AcceptanceRule(id, source, status, period, reasons!) : null;
            });

        public DecisionRule? Decision(RuleNode? node, PeriodCountingRule? counting) =>
            node is null ? null : Rule(node, (id, source, status) =>
                node.Period("period", counting) is { } period ? new DecisionRule(id, source, status, period) : null);

        public List<ExtensionStep> Extensions(RuleNode root, PeriodCountingRule? counting, DecisionRule? decision)
        {
            var steps = new List<ExtensionStep>();
            foreach (var node in root.Objects("extensions", [.. _ruleMeta, "level", "totalPeriod", "approval", "customerNotice"], required: false))
            {
                var step = Rule(node, (id, source, status) =>
                {
                    var level = node.Int("level", 1);
                    var period = node.Period("totalPeriod", counting);
                    var approval = Approval(node.Object("approval", ["approvers", "status"]));
                    var notice = Notice(node.Object("customerNotice", ["requirement", "status"]));
                    return level is { } l && period is not null && approval is not null && notice is not null
                        ? new ExtensionStep(id, source, status, l, period, approval, notice)
                        : null;
                });

                // Steps are taken one after the other, so each must be the next level and give more time than the one before.
                var previous = steps.Count > 0 ? steps[^1].TotalPeriod : decision?.Period;
                if (step is not null && (step.Level != steps.Count + 1 || (previous is not null && !Longer(step.TotalPeriod, previous))))
                {
                    node.Add("level", "order", UiText.Format("Error.ComplaintRules.ExtensionOrder", step.Id, steps.Count + 1));
                }

                if (step is not null)
                {
                    steps.Add(step);
                }
            }

            return steps;
        }

        public PauseRule? Pause(RuleNode node) =>
            Rule(node, (id, source, status) =>
                Notice(node.Object("customerNotice", ["requirement", "status"])) is { } notice ? new PauseRule(id, source, status, notice) : null);

        public RepeatRule? Repeat(RuleNode? node, PeriodCountingRule? counting) =>
            node is null ? null : Rule(node, (id, source, status) =>
            {
                var restart = node.Bool("newFactsRestartPeriod");
                var window = node.Period("linkWindow", counting);
                var windowStatus = node.Status("linkWindowStatus");
                return restart is { } r && window is not null && windowStatus is { } ws ? new RepeatRule(id, source, status, r, window, ws) : null;
            });

        public WithdrawalRule? Withdrawal(RuleNode? node) =>
            node is null ? null : Rule(node, (id, source, status) => new WithdrawalRule(id, source, status));

        public VerificationRule? Verification(RuleNode? node, PeriodCountingRule? counting) =>
            node is null ? null : Rule(node, (id, source, status) =>
            {
                var window = node.Period("requestWindow", counting);
                var decision = node.Period("decisionPeriod", counting);
                var upper = node.Bool("requiresUpperLevel");
                return window is not null && decision is not null && upper is { } u ? new VerificationRule(id, source, status, window, decision, u) : null;
            });

        public NotificationRule? Notification(RuleNode? node) =>
            node is null ? null : Rule(node, (id, source, status) =>
            {
                var channels = new List<DeliveryChannelRule>();
                foreach (var channelNode in node.Objects("channels", ["channel", "countsWhen"]))
                {
                    var channel = channelNode.String("channel");
                    var moment = channelNode.Code("countsWhen", _moments);
                    if (channel is not null && channels.Any(c => c.Channel == channel))
                    {
                        channelNode.Add("channel", "duplicate", UiText.Format("Error.ComplaintRules.Duplicate", id, channel));
                    }
                    else if (channel is not null && moment is { } m)
                    {
                        channels.Add(new DeliveryChannelRule(channel, m));
                    }
                }

                if (channels.Count == 0)
                {
                    node.Add("channels", "missing", UiText.Format("Error.ComplaintRules.Missing", id, "channels"));
                }

                return node.Bool("proofRequired") is { } proof ? new NotificationRule(id, source, status, channels, proof) : null;
            });

        public DecisionNoticeRule? DecisionNotice(RuleNode? node) =>
            node is null ? null : Rule(node, (id, source, status) =>
            {
                var contents = Codes(node, "requiredContents", _contents);
                var remedies = node.Strings("remedies");
                return contents is not null && remedies is not null ? new DecisionNoticeRule(id, source, status, contents, remedies) : null;
            });

        public GroupComplaintRule? GroupComplaint(RuleNode? node) =>
            node is null ? null : Rule(node, (id, source, status) =>
                node.Int("maxRepresentatives", 1) is { } max ? new GroupComplaintRule(id, source, status, max) : null);

        public MajorComplaintRule? MajorComplaint(RuleNode? node) =>
            node is null ? null : Rule(node, (id, source, status) =>
            {
                var criteria = node.Objects("criteria", ["kind", "codes", "minimumPeople", "channels"])
                    .Select(Criterion)
                    .ToList();
                var effects = Codes(node, "effects", _effects);
                return criteria.All(c => c is not null) && effects is not null ? new MajorComplaintRule(id, source, status, criteria!, effects) : null;
            });

        public EscalationRule? Escalation(RuleNode? node) =>
            node is null ? null : Rule(node, (id, source, status) =>
            {
                var triggers = node.Objects("triggers", ["kind", "flags", "minimumAge", "minimumPeople", "minimumAmount", "remainingDays"])
                    .Select(Trigger)
                    .ToList();
                var duplicate = triggers.OfType<EscalationTrigger>().GroupBy(t => t.Kind).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null)
                {
                    node.Add("triggers", "duplicate", UiText.Format("Error.ComplaintRules.Duplicate", id, duplicate.Key));
                }

                return triggers.All(t => t is not null) ? new EscalationRule(id, source, status, triggers!) : null;
            });

        private static MajorCriterion? Criterion(RuleNode node)
        {
            var kind = node.String("kind");
            return kind switch
            {
                MajorCriterionKinds.EventCause => Only<MajorCriterion>(node, ["codes"], () => node.Strings("codes") is { Count: > 0 } codes ? new EventCauseCriterion(codes) : null),
                MajorCriterionKinds.GroupSize => Only<MajorCriterion>(node, ["minimumPeople", "channels"], () =>
                    node.Int("minimumPeople", 2) is { } people ? new GroupSizeCriterion(people, node.Strings("channels", required: false) ?? []) : null),
                MajorCriterionKinds.RegulatorDesignation => Only<MajorCriterion>(node, [], () => new RegulatorDesignationCriterion()),
                null => null,
                _ => Unknown<MajorCriterion>(node, "kind", MajorCriterionKinds.EventCause, MajorCriterionKinds.GroupSize, MajorCriterionKinds.RegulatorDesignation),
            };
        }

        private static EscalationTrigger? Trigger(RuleNode node)
        {
            var kind = node.String("kind");
            return kind switch
            {
                EscalationTriggerKinds.RepeatComplaint => Only<EscalationTrigger>(node, [], () => new RepeatComplaintTrigger()),
                EscalationTriggerKinds.VulnerableCustomer => Only<EscalationTrigger>(node, ["flags", "minimumAge"], () =>
                {
                    var flags = node.Strings("flags", required: false) ?? [];
                    var age = node.Int("minimumAge", 1, required: false);
                    if (flags.Count == 0 && age is null)
                    {
                        node.Add("flags", "missing", UiText.Format("Error.ComplaintRules.Missing", node.Rule, "flags | minimumAge"));
                        return null;
                    }

                    return new VulnerableCustomerTrigger(flags, age);
                }),
                EscalationTriggerKinds.GroupComplaint => Only<EscalationTrigger>(node, ["minimumPeople"], () => node.Int("minimumPeople", 2) is { } people ? new GroupComplaintTrigger(people) : null),
                EscalationTriggerKinds.MediaRisk => Only<EscalationTrigger>(node, [], () => new MediaRiskTrigger()),
                EscalationTriggerKinds.AmountInDispute => Only<EscalationTrigger>(node, ["minimumAmount"], () => node.Decimal("minimumAmount", 0) is { } amount ? new AmountInDisputeTrigger(amount) : null),
                EscalationTriggerKinds.DeadlineAtRisk => Only<EscalationTrigger>(node, ["remainingDays"], () => node.Int("remainingDays", 0) is { } days ? new DeadlineAtRiskTrigger(days) : null),
                null => null,
                _ => Unknown<EscalationTrigger>(node, "kind", EscalationTriggerKinds.RepeatComplaint, EscalationTriggerKinds.VulnerableCustomer, EscalationTriggerKinds.GroupComplaint,
                    EscalationTriggerKinds.MediaRisk, EscalationTriggerKinds.AmountInDispute, EscalationTriggerKinds.DeadlineAtRisk),
            };
        }

        // A parameter that belongs to another kind is a mistake in the data (a threshold that would be ignored), not noise.
        private static T? Only<T>(RuleNode node, string[] parameters, Func<T?> read)
            where T : class
        {
            string[] all = ["codes", "minimumPeople", "channels", "flags", "minimumAge", "minimumAmount", "remainingDays"];
            foreach (var stray in all.Except(parameters).Where(node.Has))
            {
                node.Invalid(stray, $"∅ ({string.Join(", ", parameters)})");
            }

            return read();
        }

        private static T? Unknown<T>(RuleNode node, string field, params string[] allowed)
            where T : class
        {
            node.Invalid(field, string.Join(" | ", allowed));
            return null;
        }

        private static IReadOnlyList<T>? Codes<T>(RuleNode node, string name, IReadOnlyDictionary<string, T> allowed)
            where T : struct
        {
            var codes = node.Strings(name);
            if (codes is null)
            {
                return null;
            }

            var unknown = codes.Where(c => !allowed.ContainsKey(c)).ToList();
            if (unknown.Count > 0)
            {
                node.Invalid(name, string.Join(" | ", allowed.Keys));
                return null;
            }

            return [.. codes.Select(c => allowed[c])];
        }

        private static ApprovalRequirement? Approval(RuleNode? node)
        {
            if (node is null)
            {
                return null;
            }

            var approvers = node.Objects("approvers", ["role", "organisation"])
                .Select(a => (Role: a.String("role"), Placement: a.Code("organisation", _placements)))
                .ToList();
            var status = node.Status();
            return status is { } s && approvers.All(a => a.Role is not null && a.Placement is not null)
                ? new ApprovalRequirement([.. approvers.Select(a => new ApproverRule(a.Role!, a.Placement!.Value))], s)
                : null;
        }

        private static NoticeRequirement? Notice(RuleNode? node)
        {
            var level = node?.Code("requirement", _noticeLevels);
            var status = node?.Status();
            return level is { } l && status is { } s ? new NoticeRequirement(l, s) : null;
        }

        // A later step is longer only when both are counted in the same unit; mixed units cannot be compared without a date.
        private static bool Longer(Kernel.Calendar.PeriodRule later, Kernel.Calendar.PeriodRule earlier) =>
            later.Unit == earlier.Unit && later.Length > earlier.Length;

        private T? Rule<T>(RuleNode node, Func<string, RuleSource, RuleConfidence, T?> read)
            where T : class
        {
            var id = node.String("id");
            node.As(id);
            var source = node.Source(sources);
            var status = node.Status();
            var rule = read(id ?? node.Rule, source ?? new RuleSource(string.Empty, null), status ?? RuleConfidence.Uncertain);
            return id is not null && source is not null && status is not null ? rule : null;
        }
    }
}
