using Xiaobao.Complaints.Deadlines;
using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Complaints.Domain.Rules;
using Xiaobao.Complaints.Escalation;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Complaints.Taxonomy;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Complaints.Domain;

/// <summary>What intake knows about a complaint when registering it.</summary>
/// <param name="Organisation">The organisation responsible for it.</param>
/// <param name="Facts">The facts rules look at.</param>
/// <param name="Classification">The regulator's classification, or <see cref="ComplaintClassification.None"/>.</param>
public sealed record ComplaintIntake(OrganisationUnit Organisation, ComplaintFacts Facts, ComplaintClassification Classification);

/// <summary>
/// A complaint from receipt to closure. State changes only through its methods, each of which checks the state
/// machine (<see cref="ComplaintWorkflow"/>) and the rules named in <see cref="ComplaintProblemTypes"/>, then appends
/// one event to <see cref="History"/>. The state is a fold of that history, so <see cref="FromHistory"/> rebuilds a
/// complaint exactly, and deadlines are computed from it (<see cref="ComplaintClock"/>).
/// </summary>
/// <remarks>
/// Methods that depend on rules take the complaint's own rule version (the one in force on the day of receipt) and,
/// where a deadline matters, the holiday calendar. Times come in through <see cref="EventStamp"/>; nothing here reads
/// a clock.
/// </remarks>
public sealed partial class Complaint : IOrganisationScoped
{
    private readonly List<ComplaintEvent> _history = [];
    private DateTimeOffset _lastDecidedAt;

    private Complaint(Guid id)
    {
        Id = id;
    }

    /// <summary>The complaint's id.</summary>
    public Guid Id { get; }

    /// <summary>The rule version the complaint is handled under, for life.</summary>
    public RuleSetId RuleSet { get; private set; } = null!;

    /// <summary>The taxonomy version of its codes.</summary>
    public string TaxonomyVersion { get; private set; } = string.Empty;

    /// <summary>When it was received.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Where it is in its handling.</summary>
    public ComplaintStatus Status { get; private set; }

    /// <summary>Which decision it is working towards.</summary>
    public ComplaintStage Stage { get; private set; }

    /// <summary>The organisation handling it; transfers change it.</summary>
    public OrganisationUnit Organisation { get; private set; } = null!;

    /// <summary>The upper-level organisation verifying the decision, once verification was requested.</summary>
    public OrganisationUnit? VerifyingOrganisation { get; private set; }

    /// <summary>The organisation that made the latest decision on the complaint itself.</summary>
    public OrganisationUnit? DecidedBy { get; private set; }

    /// <summary>The facts rules look at.</summary>
    public ComplaintFacts Facts { get; private set; } = null!;

    /// <summary>The regulator's classification.</summary>
    public ComplaintClassification Classification { get; private set; } = ComplaintClassification.None;

    /// <summary>The handler, if one is assigned.</summary>
    public StaffMember? Handler { get; private set; }

    /// <summary>The service officer holding it, while escalated.</summary>
    public StaffMember? ServiceOfficer { get; private set; }

    /// <summary>Whether it was declared major.</summary>
    public bool IsMajor { get; private set; }

    /// <summary>What the rules set off when it was declared major; empty otherwise.</summary>
    public IReadOnlyList<MajorComplaintEffect> MajorEffects { get; private set; } = [];

    /// <summary>The pause kind while the decision clock is stopped; null while it runs.</summary>
    public string? PausedFor { get; private set; }

    /// <summary>The extension step in force; 0 for none.</summary>
    public int ExtensionLevel { get; private set; }

    /// <summary>The latest decision of the current stage.</summary>
    public ComplaintDecision? Decision { get; private set; }

    /// <summary>The root-cause code it was closed with.</summary>
    public string? RootCause { get; private set; }

    /// <summary>The rectification item it was closed with.</summary>
    public RectificationItem? Rectification { get; private set; }

    /// <summary>Every event, in order; the record the deadline engine and the statistics read.</summary>
    public IReadOnlyList<ComplaintEvent> History => _history;

    /// <summary>Whether a major complaint whose rules call for immediate escalation still waits for a service officer.</summary>
    public bool AwaitsEscalation =>
        MajorEffects.Contains(MajorComplaintEffect.ImmediateEscalation) && ServiceOfficer is null && ComplaintWorkflow.Allows(Status, ComplaintAction.Escalate);

    /// <summary>The organisation acting on it now: the verifying one during verification, else the handling one.</summary>
    public OrganisationUnit ActingOrganisation => Stage == ComplaintStage.Verification && VerifyingOrganisation is not null ? VerifyingOrganisation : Organisation;

    Guid IOrganisationScoped.OrganisationId => Organisation.Id;

    string IOrganisationScoped.OrganisationPath => Organisation.Path;

    /// <summary>Records a received complaint and, when it meets a major-complaint criterion, declares it major.</summary>
    /// <param name="id">The new complaint's id.</param>
    /// <param name="intake">Organisation, facts and classification.</param>
    /// <param name="rules">The rule version in force on the day of receipt (<see cref="ComplaintRuleCatalog.RulesInForce"/>).</param>
    /// <param name="taxonomy">The market's taxonomy the codes come from.</param>
    /// <param name="stamp">Who recorded it; <see cref="EventStamp.At"/> is the receipt time.</param>
    /// <exception cref="ValidationFailedException">A code is not in the taxonomy, a count or amount is impossible, or the receipt lies in the future.</exception>
    public static Complaint Register(Guid id, ComplaintIntake intake, ComplaintRuleSet rules, ComplaintTaxonomy taxonomy, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(stamp);
        if (!rules.IsInForceOn(rules.DayOf(stamp.At)))
        {
            throw new ArgumentException($"Rule version {rules.Id} is not in force on the day of receipt.", nameof(rules));
        }

        var errors = FactErrors(intake.Facts, intake.Classification, rules, taxonomy);
        if (stamp.At > stamp.RecordedAt)
        {
            errors.Add("receivedAt", UiText.Get("Error.Complaint.ReceivedInFuture"));
        }

        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }

        var complaint = new Complaint(id);
        complaint.Append(new ComplaintRegistered(stamp, intake.Organisation, rules.Id, taxonomy.Version, intake.Facts, intake.Classification));
        complaint.DeclareIfMajor(rules, stamp);
        return complaint;
    }

    /// <summary>Rebuilds a complaint from its stored history.</summary>
    /// <exception cref="ArgumentException">The history does not start with a registration.</exception>
    public static Complaint FromHistory(Guid id, IEnumerable<ComplaintEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var complaint = new Complaint(id);
        foreach (var e in history)
        {
            if (complaint._history.Count == 0 && e is not ComplaintRegistered)
            {
                throw new ArgumentException("A complaint's history starts with its registration.", nameof(history));
            }

            complaint.Append(e);
        }

        return complaint._history.Count > 0 ? complaint : throw new ArgumentException("A complaint's history cannot be empty.", nameof(history));
    }

    /// <summary>Every deadline of the complaint as of <paramref name="asOf"/>.</summary>
    public ComplaintDeadlines Deadlines(ComplaintRuleSet rules, HolidayCalendar calendar, DateTimeOffset asOf)
    {
        RequireOwn(rules);
        return ComplaintClock.Compute(_history, rules, calendar, asOf);
    }

    /// <summary>The escalation triggers the complaint sets off as of <paramref name="asOf"/>.</summary>
    /// <param name="rules">The complaint's rule version.</param>
    /// <param name="calendar">The holiday calendar, for the deadline-at-risk trigger.</param>
    /// <param name="asOf">The moment of evaluation.</param>
    /// <param name="complainantAge">The complainant's age from the personal-data layer, when known.</param>
    public IReadOnlyList<EscalationReason> EscalationReasons(ComplaintRuleSet rules, HolidayCalendar calendar, DateTimeOffset asOf, int? complainantAge = null) =>
        rules.Escalation.Evaluate(new EscalationContext(Facts, Deadlines(rules, calendar, asOf).Decision, asOf, complainantAge));

    private static FieldErrors FactErrors(ComplaintFacts facts, ComplaintClassification classification, ComplaintRuleSet rules, ComplaintTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(classification);
        if (taxonomy.Market != rules.Id.Market)
        {
            throw new ArgumentException($"Taxonomy {taxonomy.Version} is for market {taxonomy.Market}, not {rules.Id.Market}.", nameof(taxonomy));
        }

        var errors = taxonomy.Check(facts, classification);
        if (facts.PeopleCount < 1)
        {
            errors.Add("peopleCount", UiText.Get("Error.Complaint.PeopleCount"));
        }

        var maxRepresentatives = Math.Min(facts.PeopleCount, rules.GroupComplaint.MaxRepresentatives);
        if (facts.Representatives < 0 || (facts.PeopleCount > 1 && facts.Representatives > maxRepresentatives))
        {
            errors.Add("representatives", UiText.Format("Error.Complaint.Representatives", maxRepresentatives));
        }

        if (facts.AmountInDispute < 0)
        {
            errors.Add("amountInDispute", UiText.Get("Error.Complaint.Amount"));
        }

        return errors;
    }

    private void DeclareIfMajor(ComplaintRuleSet rules, EventStamp stamp)
    {
        var assessment = rules.MajorComplaint.Assess(Facts);
        if (!IsMajor && assessment.IsMajor)
        {
            Append(new MajorComplaintDeclared(stamp, Organisation, assessment.Reasons, assessment.Effects));
        }
    }

    private void Guard(ComplaintAction action, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        BusinessRules.Check(new ActionMustBeAllowedInStatus(action, Status));
        BusinessRules.Check(new EventTimeMustFollowHistory(_history[^1], stamp));
    }

    private void RequireOwn(ComplaintRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Id != RuleSet)
        {
            throw new ArgumentException($"Complaint {Id} is handled under {RuleSet}, not {rules.Id}.", nameof(rules));
        }
    }

    private void Append(ComplaintEvent e)
    {
        _history.Add(e);
        Apply(e);
    }

    private void Apply(ComplaintEvent e)
    {
        switch (e)
        {
            case ComplaintRegistered registered:
                RuleSet = registered.Rules;
                TaxonomyVersion = registered.TaxonomyVersion;
                ReceivedAt = registered.Stamp.At;
                Organisation = registered.Organisation;
                Facts = registered.Facts;
                Classification = registered.Classification;
                Status = ComplaintStatus.Registered;
                Stage = ComplaintStage.Original;
                break;
            case MajorComplaintDeclared declared:
                IsMajor = true;
                MajorEffects = declared.Effects;
                break;
            case ComplaintFactsRevised revised:
                Facts = revised.Facts;
                break;
            case ComplaintClassified classified:
                Classification = classified.Classification;
                TaxonomyVersion = classified.TaxonomyVersion;
                break;
            case ComplaintAccepted:
                Status = ComplaintStatus.Accepted;
                break;
            case ComplaintRejected:
                Status = ComplaintStatus.Rejected;
                break;
            case HandlerAssigned assigned:
                Handler = assigned.Handler;
                Status = Status == ComplaintStatus.Verifying ? ComplaintStatus.Verifying : ComplaintStatus.Assigned;
                break;
            case InvestigationStarted:
                Status = ComplaintStatus.Investigating;
                break;
            case ComplaintTransferred transferred:
                // The handler belonged to the old organisation; the new one accepts and assigns afresh.
                Organisation = transferred.To;
                Handler = null;
                Status = Status == ComplaintStatus.Registered ? ComplaintStatus.Registered : ComplaintStatus.Accepted;
                break;
            case EscalatedToServiceOfficer escalated:
                ServiceOfficer = escalated.Officer;
                break;
            case HandedBack handedBack:
                ServiceOfficer = null;
                Handler = handedBack.Handler ?? Handler;
                break;
            case ClockPaused paused:
                PausedFor = paused.Kind;
                break;
            case ClockResumed:
                PausedFor = null;
                break;
            case DeadlineExtended extended:
                ExtensionLevel = extended.Level;
                break;
            case RepeatComplaintReceived repeat:
                Facts = Facts with { IsRepeat = true };
                if (repeat.RestartsPeriod)
                {
                    // A decision not yet told is overtaken by the new facts.
                    ExtensionLevel = 0;
                    Decision = null;
                    Status = Status == ComplaintStatus.Decided ? ComplaintStatus.Investigating : Status;
                }

                break;
            case ComplaintWithdrawn:
                Status = ComplaintStatus.Withdrawn;
                PausedFor = null;
                break;
            case ComplaintDecided decided:
                Decision = decided.Decision;
                DecidedBy = decided.Stage == ComplaintStage.Original ? decided.Organisation : DecidedBy;
                _lastDecidedAt = decided.Stamp.At;
                Status = ComplaintStatus.Decided;
                break;
            case ComplainantNotified:
                Status = ComplaintStatus.Notified;
                break;
            case VerificationRequested requested:
                Stage = ComplaintStage.Verification;
                Status = ComplaintStatus.Verifying;
                VerifyingOrganisation = requested.VerifyingOrganisation;
                Handler = null;
                Decision = null;
                RootCause = null;
                Rectification = null;
                break;
            case ComplaintClosed closed:
                Status = ComplaintStatus.Closed;
                RootCause = closed.RootCause;
                Rectification = closed.Rectification;
                break;
            case ComplaintReopened:
                Status = Stage == ComplaintStage.Verification ? ComplaintStatus.Verifying : ComplaintStatus.Investigating;
                RootCause = null;
                Rectification = null;
                break;
            default:
                throw new InvalidOperationException($"Unknown complaint event {e.GetType().Name}.");
        }
    }
}
