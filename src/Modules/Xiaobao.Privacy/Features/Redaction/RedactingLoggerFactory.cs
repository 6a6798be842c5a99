using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xiaobao.Kernel.Privacy;

namespace Xiaobao.Privacy.Features.Redaction;

/// <summary>
/// The application's logger factory: every provider — console, JSON, a test's capture, whatever is added later — is
/// wrapped, so messages, structured values, scopes and exception text pass <see cref="PersonalDataRedactor"/> before
/// any sink sees them. Wrapping at the factory, rather than at each provider's registration, also covers providers
/// registered after the host's own configuration.
/// </summary>
/// <remarks>Rules that name a provider (Logging:Console:LogLevel) no longer match the wrapped provider; Xiaobao uses only the general levels.</remarks>
internal sealed class RedactingLoggerFactory(
    IEnumerable<ILoggerProvider> providers, IOptionsMonitor<LoggerFilterOptions> filterOptions, IOptions<LoggerFactoryOptions> options, IExternalScopeProvider? scopeProvider = null)
    : LoggerFactory(providers.Select(p => p is RedactingLoggerProvider ? p : new RedactingLoggerProvider(p)), filterOptions, options, scopeProvider);

internal sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope supports)
        {
            supports.SetScopeProvider(new RedactingScopeProvider(scopeProvider));
        }
    }

    public void Dispose() => inner.Dispose();
}

internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(RedactedState.Of(state));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var redacted = new RedactedState(RedactedState.Values(state), PersonalDataRedactor.Redact(formatter(state, exception)));
        inner.Log(logLevel, eventId, redacted, exception is null ? null : new RedactedException(exception), static (s, _) => s.Message);
    }
}

/// <summary>Scopes are pushed once to the factory's provider and read by each sink: redacted as they are read.</summary>
internal sealed class RedactingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
        inner.ForEachScope((scope, s) => callback(scope is null ? null : RedactedState.Of(scope), s), state);

    public IDisposable Push(object? state) => inner.Push(state);
}

/// <summary>A log entry's structured values and message after redaction; what structured sinks (JSON) enumerate.</summary>
internal sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Message => message;

    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public static object Of(object state) => state switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => new RedactedState(Redact(pairs), PersonalDataRedactor.Redact(state.ToString() ?? string.Empty)),
        string text => PersonalDataRedactor.Redact(text),
        _ => Value(state) ?? string.Empty,
    };

    public static IReadOnlyList<KeyValuePair<string, object?>> Values<TState>(TState state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs ? Redact(pairs) : [];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;

    private static List<KeyValuePair<string, object?>> Redact(IEnumerable<KeyValuePair<string, object?>> pairs) =>
        [.. pairs.Select(p => new KeyValuePair<string, object?>(p.Key, Value(p.Value)))];

    // Values keep their type unless their text holds something to mask (a phone number logged as a long, an object's ToString).
    private static object? Value(object? value)
    {
        if (value is null or bool or Guid or DateTime or DateTimeOffset or TimeSpan or Enum)
        {
            return value;
        }

        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        var redacted = PersonalDataRedactor.Redact(text);
        return value is string || !ReferenceEquals(redacted, text) && redacted != text ? redacted : value;
    }
}

/// <summary>An exception as sinks see it: type and stack kept, message and text (with inner exceptions) redacted.</summary>
public sealed class RedactedException : Exception
{
    private readonly Exception? _original;

    public RedactedException(Exception original)
        : base(PersonalDataRedactor.Redact(original?.Message ?? string.Empty))
    {
        _original = original;
        HResult = original?.HResult ?? HResult;
    }

    public RedactedException()
    {
    }

    public RedactedException(string message)
        : base(message)
    {
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string? StackTrace => _original?.StackTrace ?? base.StackTrace;

    public override string ToString() => _original is null ? base.ToString() : PersonalDataRedactor.Redact(_original.ToString());
}
