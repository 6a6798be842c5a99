using Xiaobao.Kernel.Localization;

namespace Xiaobao.Kernel.Errors;

/// <summary>Input failed validation; carried to the caller as a 400 problem with field errors.</summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException(FieldErrors errors)
        : base(UiText.Get("Error.FieldsInvalid"))
    {
        Errors = errors.ToDictionary();
    }

    public ValidationFailedException()
        : base(UiText.Get("Error.FieldsInvalid"))
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ValidationFailedException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ValidationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public IDictionary<string, string[]> Errors { get; }

    public static ValidationFailedException For(string field, string message) => new(new FieldErrors().Add(field, message));
}
