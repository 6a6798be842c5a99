using System.Globalization;
using System.Resources;

namespace Xiaobao.Kernel.Localization;

/// <summary>
/// The UI's strings for code that has no <c>IStringLocalizer</c>: handlers, domain rules, file parsers. Reads the
/// same resources as <see cref="UiStrings"/> in <see cref="CultureInfo.CurrentUICulture"/>, which request localization
/// sets per HTTP request and a Blazor circuit keeps from the request that opened it.
/// </summary>
/// <remarks>
/// A key missing from the resources comes back as <c>⟦key⟧</c> instead of throwing: a forgotten string must not turn a
/// 400 into a 500 in production, and the marker is impossible to overlook on screen. The unit tests fail on it instead,
/// by checking that every key the code names is in both languages.
/// </remarks>
public static class UiText
{
    private static readonly ResourceManager _resources = new(typeof(UiStrings).FullName!, typeof(UiStrings).Assembly);

    /// <summary>The text of <paramref name="key"/> in the current UI language, or <c>⟦key⟧</c> when there is none.</summary>
    public static string Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _resources.GetString(key, CultureInfo.CurrentUICulture) ?? Missing(key);
    }

    /// <summary>The text of <paramref name="key"/> with its <c>{0}</c> placeholders filled in, formatted for the current culture.</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>What <see cref="Get"/> answers for a key the resources lack.</summary>
    public static string Missing(string key) => $"⟦{key}⟧";
}
