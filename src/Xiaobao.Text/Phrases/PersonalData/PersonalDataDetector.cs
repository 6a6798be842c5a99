using System.Text.RegularExpressions;

namespace Xiaobao.Text.Phrases.PersonalData;

/// <summary>
/// Finds personal data in folded text (full-width digits already ASCII, letters lower case). Candidates come from a
/// pattern; each is then validated — the identity number's date and GB 11643 check character, the card number's
/// Luhn digit — so order numbers, amounts and dates are not reported.
/// </summary>
internal static partial class PersonalDataDetector
{
    public static IEnumerable<TextSpan> Find(PersonalDataKind kind, string text) => kind switch
    {
        PersonalDataKind.ResidentId => Matches(ResidentIdCandidate(), text).Where(m => ResidentIdNumber.IsValid(m.Value)).Select(Span),
        PersonalDataKind.Mobile => Matches(MobileCandidate(), text).Select(Span),
        PersonalDataKind.BankCard => Matches(CardCandidate(), text).Where(m => IsCardNumber(m.Value)).Select(Span),
        PersonalDataKind.Email => Matches(Email(), text).Select(Span),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Shows only the last four characters, so a report can say what was found without repeating it.</summary>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var keep = value.Length >= 10 ? 4 : value.Length / 3;
        return new string('*', value.Length - keep) + value[^keep..];
    }

    internal static bool IsCardNumber(string candidate)
    {
        var digits = Digits(candidate);

        // An 18-digit resident identity number may pass Luhn by chance; it is reported as what it is.
        return digits.Length is >= 16 and <= 19 && Luhn.IsValid(digits) && !ResidentIdNumber.IsValid(digits);
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    private static MatchCollection Matches(Regex regex, string text) => regex.Matches(text);

    private static TextSpan Span(Match match) => new(match.Index, match.Length);

    [GeneratedRegex(@"(?<![0-9a-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9x](?![0-9a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResidentIdCandidate();

    [GeneratedRegex(@"(?<![0-9a-z+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MobileCandidate();

    [GeneratedRegex(@"(?<![0-9a-z])[3-6]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{4}(?:[ -]?\d{1,3})?(?![0-9a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CardCandidate();

    [GeneratedRegex(@"(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?![a-z0-9-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
