using System.Globalization;
using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.Domain.Rules;

/// <summary>The state machine allows <paramref name="action"/> in <paramref name="status"/>.</summary>
internal sealed class ActionMustBeAllowedInStatus(ComplaintAction action, ComplaintStatus status) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.TransitionNotAllowed;

    public bool IsConflict => true;

    public string Message => UiText.Format("Error.Complaint.Transition", UiText.Get($"Complaint.Status.{status}"), UiText.Get($"Complaint.Action.{action}"));

    public bool IsBroken() => !ComplaintWorkflow.Allows(status, action);
}

/// <summary>
/// An action is dated no earlier than the one before it and no later than the moment it is recorded, so the history
/// reads in the order things happened and the deadline engine can walk it once.
/// </summary>
internal sealed class EventTimeMustFollowHistory(ComplaintEvent last, EventStamp stamp) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.TimeOrder;

    public string Message => UiText.Format("Error.Complaint.TimeOrder", last.Stamp.At.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));

    public bool IsBroken() => stamp.At < last.Stamp.At || stamp.At > stamp.RecordedAt;
}

/// <summary>A handler belongs to the organisation handling the complaint (the verifying one during verification).</summary>
internal sealed class HandlerMustBelongToActingOrganisation(StaffMember handler, OrganisationUnit acting) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.HandlerOrganisation;

    public string Message => UiText.Get("Error.Complaint.HandlerOrganisation");

    public bool IsBroken() => handler.Organisation.Id != acting.Id;
}

/// <summary>A transfer moves the complaint somewhere else.</summary>
internal sealed class TransferMustChangeOrganisation(OrganisationUnit from, OrganisationUnit to) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.TransferSame;

    public string Message => UiText.Get("Error.Complaint.TransferSame");

    public bool IsBroken() => from.Id == to.Id;
}

/// <summary>Only one service officer holds a complaint at a time.</summary>
internal sealed class ComplaintMustNotBeEscalated(StaffMember? officer) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.AlreadyEscalated;

    public bool IsConflict => true;

    public string Message => UiText.Get("Error.Complaint.AlreadyEscalated");

    public bool IsBroken() => officer is not null;
}

/// <summary>Only a complaint a service officer holds can be handed back.</summary>
internal sealed class ComplaintMustBeEscalated(StaffMember? officer) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.NotEscalated;

    public bool IsConflict => true;

    public string Message => UiText.Get("Error.Complaint.NotEscalated");

    public bool IsBroken() => officer is null;
}
