using System.Text.RegularExpressions;

namespace Xiaobao.Kernel.Privacy;

/// <summary>
/// Masks whatever in a text looks like a personal value of a declared kind: e-mail addresses, resident ID numbers,
/// mainland mobile numbers, and long digit runs (bank cards, 15-digit IDs). Used on every log line before any sink
/// and on free text that is stored in clear (reveal reasons). Names and addresses cannot be told by their shape:
/// code logs identifiers, never values.
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayHoldPersonalData(text))
        {
            return text;
        }

        var redacted = EmailPattern().Replace(text, m => PersonalMask.Email(m.Value));
        redacted = IdNumberPattern().Replace(redacted, m => PersonalMask.IdNumber(m.Value));
        redacted = MobilePattern().Replace(redacted, m => PersonalMask.Phone(m.Value));
        return LongDigitsPattern().Replace(redacted, m => PersonalMask.BankAccount(m.Value));
    }

    // Eleven digits or an '@' are needed for any pattern to match; most log lines have neither and skip the regexes.
    private static bool MayHoldPersonalData(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '@' || (char.IsAsciiDigit(c) && ++digits >= 11))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\+?86[\- ]?)?1[3-9]\d[\- ]?\d{4}[\- ]?\d{4}(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{15,19}(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitsPattern();
}
