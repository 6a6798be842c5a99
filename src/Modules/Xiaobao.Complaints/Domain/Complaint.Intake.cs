using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Complaints.Domain.Rules;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Complaints.Taxonomy;
using Xiaobao.Kernel.Errors;

namespace Xiaobao.Complaints.Domain;

public sealed partial class Complaint
{
    /// <summary>Accepts the complaint for handling.</summary>
    public void Accept(EventStamp stamp)
    {
        Guard(ComplaintAction.Accept, stamp);
        Append(new ComplaintAccepted(stamp, Organisation));
    }

    /// <summary>Declines the complaint on a ground the rules allow, with the notice the ground requires.</summary>
    /// <param name="reason">A rejection-reason code of the rules.</param>
    /// <param name="note">Free-text explanation.</param>
    /// <param name="notice">The notice to the person who filed the complaint.</param>
    /// <param name="rules">The complaint's rule version.</param>
    /// <param name="stamp">Who, when.</param>
    public void Reject(string reason, string? note, ComplaintNotice? notice, ComplaintRuleSet rules, EventStamp stamp)
    {
        RequireOwn(rules);
        Guard(ComplaintAction.Reject, stamp);
        BusinessRules.Check(new RejectionReasonMustBeAllowed(rules, reason));
        var ground = rules.Acceptance.Reason(reason)!;
        var requirement = ground.NoticeRequired ? new NoticeRequirement(NoticeLevel.Required, ground.Status) : NoticeRequirement.None;
        NoticeChecks.Check(rules.Notification, requirement, notice, ReceivedAt, stamp.RecordedAt);
        Append(new ComplaintRejected(stamp, Organisation, reason, note, notice));
    }

    /// <summary>Assigns (or reassigns) a handler of the acting organisation.</summary>
    public void Assign(StaffMember handler, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Guard(ComplaintAction.Assign, stamp);
        BusinessRules.Check(new HandlerMustBelongToActingOrganisation(handler, ActingOrganisation));
        Append(new HandlerAssigned(stamp, ActingOrganisation, handler));
    }

    /// <summary>Records that the handler started investigating.</summary>
    public void StartInvestigation(EventStamp stamp)
    {
        Guard(ComplaintAction.StartInvestigation, stamp);
        Append(new InvestigationStarted(stamp, Organisation));
    }

    /// <summary>Moves the complaint to another organisation; the new one assigns its own handler.</summary>
    public void Transfer(OrganisationUnit to, string reason, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(to);
        Guard(ComplaintAction.Transfer, stamp);
        BusinessRules.Check(new TransferMustChangeOrganisation(Organisation, to));
        Append(new ComplaintTransferred(stamp, Organisation, to, reason));
    }

    /// <summary>Corrects or completes the facts; a complaint that becomes major is declared major.</summary>
    /// <exception cref="ValidationFailedException">A code is not in the taxonomy or a count or amount is impossible.</exception>
    public void ReviseFacts(ComplaintFacts facts, ComplaintRuleSet rules, ComplaintTaxonomy taxonomy, EventStamp stamp)
    {
        RequireOwn(rules);
        ArgumentNullException.ThrowIfNull(taxonomy);
        Guard(ComplaintAction.ReviseFacts, stamp);
        ThrowIfAny(FactErrors(facts, Classification, rules, taxonomy));
        Append(new ComplaintFactsRevised(stamp, Organisation, facts));
        DeclareIfMajor(rules, stamp);
    }

    /// <summary>Sets or corrects the regulator's classification, in any status: the statistics follow corrections.</summary>
    /// <exception cref="ValidationFailedException">A code is not in the taxonomy.</exception>
    public void Classify(ComplaintClassification classification, ComplaintRuleSet rules, ComplaintTaxonomy taxonomy, EventStamp stamp)
    {
        RequireOwn(rules);
        ArgumentNullException.ThrowIfNull(taxonomy);
        Guard(ComplaintAction.Classify, stamp);
        ThrowIfAny(FactErrors(Facts, classification, rules, taxonomy));
        Append(new ComplaintClassified(stamp, Organisation, classification, taxonomy.Version));
    }

    private static void ThrowIfAny(FieldErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
