using Xiaobao.Kernel.Errors;

namespace Xiaobao.Complaints.Domain.Rules;

/// <summary>A business rule the complaint checks before it changes (kgrzybek's pattern: one small named class per rule).</summary>
internal interface IBusinessRule
{
    /// <summary>The stable problem type, one of <see cref="ComplaintProblemTypes"/>.</summary>
    string Type { get; }

    /// <summary>True when breaking it means the current state conflicts (409) rather than a rule being broken (422).</summary>
    bool IsConflict => false;

    /// <summary>The message in the current UI language; read only when the rule is broken.</summary>
    string Message { get; }

    bool IsBroken();
}

internal static class BusinessRules
{
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new DomainException(rule.Type, rule.Message, rule.IsConflict);
        }
    }
}
