namespace Xiaobao.Kernel.Errors;

/// <summary>
/// The server's answer to a form, kept for display: field errors go next to their inputs, anything else in one message.
/// Pages hold one per open form so errors from a previous attempt never linger on a new one.
/// </summary>
public sealed class FormErrors
{
    private Dictionary<string, string[]> _fields = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>A broken business rule, or field errors for fields the form does not show.</summary>
    public string? Message { get; private set; }

    public bool Has(string field) => _fields.ContainsKey(field);

    /// <summary>All messages of <paramref name="field"/> joined, or null when it has none.</summary>
    public string? this[string field] => _fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public void Clear()
    {
        _fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Message = null;
    }

    /// <summary>Keeps the field errors; those for fields not in <paramref name="shown"/> become the general message.</summary>
    public void Set(ValidationFailedException exception, params string[] shown)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(shown);
        _fields = new Dictionary<string, string[]>(exception.Errors, StringComparer.Ordinal);
        var other = exception.Errors.Where(e => !shown.Contains(e.Key, StringComparer.Ordinal)).SelectMany(e => e.Value).ToList();
        Message = other.Count > 0 ? string.Join(" ", other) : null;
    }

    public void Set(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Message = exception.Message;
    }
}
