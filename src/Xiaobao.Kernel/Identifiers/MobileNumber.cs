using Xiaobao.Kernel.Localization;

namespace Xiaobao.Kernel.Identifiers;

/// <summary>A mainland China mobile number: 11 digits, 1 then 3–9, optionally written with +86 or separators.</summary>
public static class MobileNumber
{
    /// <summary>Digits only, without a leading 86 country code.</summary>
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '+')))
        {
            return false;
        }

        var digits = Normalise(value);
        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9';
    }

    /// <summary>The field error in the current UI language, or null when valid.</summary>
    public static string? Error(string value) => IsValid(value) ? null : UiText.Get("Validation.Mobile");
}
