using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Complaints.Taxonomy;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.UnitTests.Complaints;

/// <summary>
/// Walks one complaint through its life with valid arguments, an hour per step unless told otherwise, so a test
/// states only what it is about.
/// </summary>
internal sealed class ComplaintDriver
{
    private ComplaintDriver(Complaint complaint, ComplaintRuleSet rules, ComplaintTaxonomy taxonomy, HolidayCalendar calendar, DateTimeOffset now)
    {
        Complaint = complaint;
        Rules = rules;
        Taxonomy = taxonomy;
        Calendar = calendar;
        Now = now;
    }

    public Complaint Complaint { get; }

    public ComplaintRuleSet Rules { get; }

    public ComplaintTaxonomy Taxonomy { get; }

    public HolidayCalendar Calendar { get; }

    public DateTimeOffset Now { get; private set; }

    public static ComplaintFacts PhoneFacts { get; } = new() { Channel = "phone" };

    public static ComplaintDriver China(
        DateTimeOffset? receivedAt = null, OrganisationUnit? organisation = null, ComplaintFacts? facts = null) =>
        Register(Complaints.China.Rules, Complaints.China.Taxonomy, Complaints.China.Calendar, receivedAt ?? Complaints.China.Cst(2024, 3, 4, 9), organisation ?? Orgs.SubBranch, facts ?? PhoneFacts);

    public static ComplaintDriver Register(
        ComplaintRuleSet rules, ComplaintTaxonomy taxonomy, HolidayCalendar calendar, DateTimeOffset receivedAt, OrganisationUnit organisation, ComplaintFacts facts)
    {
        var complaint = Complaint.Register(
            Guid.NewGuid(), new ComplaintIntake(organisation, facts, ComplaintClassification.None), rules, taxonomy, new EventStamp(Orgs.Actor(organisation), receivedAt, receivedAt));
        return new ComplaintDriver(complaint, rules, taxonomy, calendar, receivedAt);
    }

    /// <summary>A stamp <paramref name="after"/> the previous step (an hour by default), recorded as it happens.</summary>
    public EventStamp Next(TimeSpan? after = null)
    {
        Now += after ?? TimeSpan.FromHours(1);
        return new EventStamp(Orgs.Actor(Complaint.ActingOrganisation), Now, Now);
    }

    /// <summary>A stamp at <paramref name="at"/>, recorded as it happens.</summary>
    public EventStamp At(DateTimeOffset at)
    {
        Now = at;
        return new EventStamp(Orgs.Actor(Complaint.ActingOrganisation), at, at);
    }

    public ComplaintNotice Notice(string channel = "post", DateTimeOffset? at = null) => new(channel, at ?? Now, null, "proof-1");

    public ComplaintDriver Accept()
    {
        Complaint.Accept(Next());
        return this;
    }

    public ComplaintDriver Assign()
    {
        Complaint.Assign(Orgs.Staff(Complaint.ActingOrganisation), Next());
        return this;
    }

    public ComplaintDriver Investigate() => Accept().Assign().StartInvestigation();

    public ComplaintDriver StartInvestigation()
    {
        Complaint.StartInvestigation(Next());
        return this;
    }

    public ComplaintDriver Decide(DateTimeOffset? at = null)
    {
        Complaint.Decide(new ComplaintDecision(DecisionOutcome.PartlyUpheld, "查阅投保资料并回放录音", "合同第 5 条", 1000m), Rules, at is { } t ? At(t) : Next());
        return this;
    }

    /// <summary>Records a notice dispatched at <paramref name="at"/>; with a delivery time, it is recorded once delivered.</summary>
    public ComplaintDriver Notify(DateTimeOffset? at = null, string channel = "post", DateTimeOffset? deliveredAt = null)
    {
        var stamp = at is { } t ? At(t) : Next();
        if (deliveredAt > stamp.At)
        {
            stamp = stamp with { RecordedAt = deliveredAt.Value };
        }

        Complaint.Notify(new ComplaintNotice(channel, stamp.At, deliveredAt, "proof-1"), Rules, stamp);
        return this;
    }

    public ComplaintDriver Close()
    {
        Complaint.Close(Taxonomy.RootCauses.First(r => !r.IsInternal), null, Rules, Next());
        return this;
    }

    public ComplaintDriver RequestVerification(OrganisationUnit? verifying = null)
    {
        Complaint.RequestVerification(verifying ?? Orgs.City, Rules, Calendar, Next());
        return this;
    }

    public ComplaintDriver Pause(string kind = "mediation", DateTimeOffset? at = null)
    {
        Complaint.Pause(kind, null, Rules, at is { } t ? At(t) : Next());
        return this;
    }

    public ComplaintDriver Resume(DateTimeOffset? at = null)
    {
        Complaint.Resume(at is { } t ? At(t) : Next());
        return this;
    }

    /// <summary>Brings a fresh complaint to <paramref name="status"/> by the shortest legal path.</summary>
    public ComplaintDriver To(ComplaintStatus status)
    {
        switch (status)
        {
            case ComplaintStatus.Registered:
                break;
            case ComplaintStatus.Accepted:
                Accept();
                break;
            case ComplaintStatus.Rejected:
                Complaint.Reject("not_from_complainant", null, Notice(at: Now), Rules, Next());
                break;
            case ComplaintStatus.Assigned:
                Accept().Assign();
                break;
            case ComplaintStatus.Investigating:
                Investigate();
                break;
            case ComplaintStatus.Decided:
                Investigate().Decide();
                break;
            case ComplaintStatus.Notified:
                Investigate().Decide().Notify();
                break;
            case ComplaintStatus.Closed:
                Investigate().Decide().Notify().Close();
                break;
            case ComplaintStatus.Verifying:
                Investigate().Decide().Notify().RequestVerification();
                break;
            case ComplaintStatus.Withdrawn:
                Complaint.Withdraw(Next());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        return this;
    }
}
