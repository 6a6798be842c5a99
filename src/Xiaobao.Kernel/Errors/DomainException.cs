using Xiaobao.Kernel.Localization;

namespace Xiaobao.Kernel.Errors;

/// <summary>
/// A business rule refused the operation. Mapped to a 409 or 422 problem with a stable <see cref="Type"/>.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string type, string message, bool isConflict = false)
        : base(message)
    {
        Type = type;
        IsConflict = isConflict;
    }

    public DomainException()
        : this("xiaobao:error", UiText.Get("Error.Invalid"))
    {
    }

    public DomainException(string message)
        : this("xiaobao:error", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Type = "xiaobao:error";
    }

    /// <summary>Stable identifier of the broken rule, e.g. "organisation/cycle".</summary>
    public string Type { get; }

    /// <summary>True when the request conflicts with the current state (409) rather than breaking a rule (422).</summary>
    public bool IsConflict { get; }
}
