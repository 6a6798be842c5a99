using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.Taxonomy;

/// <summary>
/// One version of a market's complaint code lists: the regulator's two axes and violation flag, root causes, channels,
/// relationships to the policy, vulnerability flags, and the codes the rule set refers to (event causes, pause kinds,
/// rejection reasons, remedies, delivery channels). Read from data by <see cref="ComplaintTaxonomyReader"/>.
/// </summary>
public sealed class ComplaintTaxonomy
{
    internal ComplaintTaxonomy(TaxonomyHeader header, TaxonomyLists lists)
    {
        Market = header.Market;
        Version = header.Version;
        EffectiveFrom = header.EffectiveFrom;
        EffectiveTo = header.EffectiveTo;
        Status = header.Status;
        Note = header.Note;
        BusinessTypes = lists.BusinessTypes;
        ComplaintReasons = lists.ComplaintReasons;
        ViolationFlag = lists.ViolationFlag;
        RootCauses = lists.RootCauses;
        Channels = lists.Channels;
        DeliveryChannels = lists.DeliveryChannels;
        PolicyRelationships = lists.PolicyRelationships;
        VulnerabilityFlags = lists.VulnerabilityFlags;
        EventCauses = lists.EventCauses;
        PauseKinds = lists.PauseKinds;
        RejectionReasons = lists.RejectionReasons;
        Remedies = lists.Remedies;
    }

    /// <summary>The market code, e.g. "CN".</summary>
    public string Market { get; }

    /// <summary>The version label, unique within the market.</summary>
    public string Version { get; }

    /// <summary>The first day the version applies to.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>The last day the version applies to; null while it has no successor.</summary>
    public DateOnly? EffectiveTo { get; }

    /// <summary>How sure the rule book is of the code lists as a whole.</summary>
    public RuleConfidence Status { get; }

    /// <summary>Where the lists come from and what is provisional about them.</summary>
    public string? Note { get; }

    /// <summary>The regulator's first axis.</summary>
    public IReadOnlyList<BusinessType> BusinessTypes { get; }

    /// <summary>The regulator's second axis.</summary>
    public IReadOnlyList<ComplaintReason> ComplaintReasons { get; }

    /// <summary>The suspected-violation flag, kept apart from contract-dispute reasons.</summary>
    public TaxonomyEntry ViolationFlag { get; }

    /// <summary>Root causes, each internal or external.</summary>
    public IReadOnlyList<RootCauseCategory> RootCauses { get; }

    /// <summary>Intake channels.</summary>
    public IReadOnlyList<IntakeChannel> Channels { get; }

    /// <summary>Channels a notice to the complainant can go through.</summary>
    public IReadOnlyList<TaxonomyEntry> DeliveryChannels { get; }

    /// <summary>The complainant's relationship to the policy.</summary>
    public IReadOnlyList<TaxonomyEntry> PolicyRelationships { get; }

    /// <summary>Vulnerability flags.</summary>
    public IReadOnlyList<TaxonomyEntry> VulnerabilityFlags { get; }

    /// <summary>Events (disasters, accidents, public-health events) a complaint can arise from.</summary>
    public IReadOnlyList<TaxonomyEntry> EventCauses { get; }

    /// <summary>What can stop the decision clock.</summary>
    public IReadOnlyList<TaxonomyEntry> PauseKinds { get; }

    /// <summary>Grounds for declining a complaint.</summary>
    public IReadOnlyList<TaxonomyEntry> RejectionReasons { get; }

    /// <summary>Remedies a decision notice names.</summary>
    public IReadOnlyList<TaxonomyEntry> Remedies { get; }

    /// <summary>The root cause with <paramref name="code"/>, or null.</summary>
    public RootCauseCategory? RootCause(string code) => RootCauses.FirstOrDefault(r => r.Code == code);

    /// <summary>Whether <paramref name="day"/> falls in the version's effective range.</summary>
    public bool IsInForceOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>Field errors for every code in <paramref name="facts"/> and <paramref name="classification"/> this taxonomy lacks.</summary>
    public FieldErrors Check(ComplaintFacts facts, ComplaintClassification classification)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(classification);
        var errors = new FieldErrors();
        CheckCode(errors, "channel", facts.Channel, Channels);
        CheckCode(errors, "eventCause", facts.EventCause, EventCauses);
        foreach (var flag in facts.VulnerabilityFlags)
        {
            CheckCode(errors, "vulnerabilityFlags", flag, VulnerabilityFlags);
        }

        CheckCode(errors, "businessType", classification.BusinessType, BusinessTypes);
        CheckCode(errors, "complaintReason", classification.Reason, ComplaintReasons);
        return errors;
    }

    private static void CheckCode(FieldErrors errors, string field, string? code, IEnumerable<TaxonomyEntry> entries)
    {
        if (code is not null && !entries.Any(e => e.Code == code))
        {
            errors.Add(field, UiText.Format("Error.Complaint.UnknownCode", code));
        }
    }
}

internal sealed record TaxonomyHeader(string Market, string Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, RuleConfidence Status, string? Note);

internal sealed record TaxonomyLists(
    IReadOnlyList<BusinessType> BusinessTypes,
    IReadOnlyList<ComplaintReason> ComplaintReasons,
    TaxonomyEntry ViolationFlag,
    IReadOnlyList<RootCauseCategory> RootCauses,
    IReadOnlyList<IntakeChannel> Channels,
    IReadOnlyList<TaxonomyEntry> DeliveryChannels,
    IReadOnlyList<TaxonomyEntry> PolicyRelationships,
    IReadOnlyList<TaxonomyEntry> VulnerabilityFlags,
    IReadOnlyList<TaxonomyEntry> EventCauses,
    IReadOnlyList<TaxonomyEntry> PauseKinds,
    IReadOnlyList<TaxonomyEntry> RejectionReasons,
    IReadOnlyList<TaxonomyEntry> Remedies);
