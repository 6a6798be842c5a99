using System.Globalization;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Kernel.Identifiers;

/// <summary>What is wrong with a resident ID number.</summary>
public enum ResidentIdProblem
{
    Format,
    Region,
    BirthDate,
    CheckDigit,
}

/// <summary>
/// The 18-digit resident identity number of GB 11643-1999: a 6-digit region code, the birth date (yyyyMMdd), a 3-digit
/// sequence whose last digit is odd for men and even for women, and a check digit (ISO 7064 MOD 11-2, 10 written X).
/// </summary>
public static class ResidentIdNumber
{
    public const int Length = 18;

    private const string CheckCharacters = "10X98765432";

    private static readonly int[] s_weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Province-level codes of GB/T 2260, plus 81/82/83 used on residence permits for Hong Kong, Macao and Taiwan residents.
    private static readonly HashSet<int> s_provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    /// <summary>Spaces removed, a lower-case x upper-cased.</summary>
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
    }

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Seventeen digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException("Only digits are allowed.", nameof(first17));
            }

            sum += (first17[i] - '0') * s_weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>The first problem of <paramref name="value"/>, or null when it is a valid number for someone born by <paramref name="today"/>.</summary>
    public static ResidentIdProblem? Check(string value, DateOnly today)
    {
        var id = Normalise(value);
        if (id.Length != Length || id.AsSpan(0, Length - 1).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(id[^1]) || id[^1] == 'X'))
        {
            return ResidentIdProblem.Format;
        }

        // Below a province a region is a city and county, never 0000, except on residence permits (810000, 820000, 830000).
        var province = int.Parse(id.AsSpan(0, 2), CultureInfo.InvariantCulture);
        if (!s_provinces.Contains(province) || (province < 81 && id.AsSpan(2, 4).SequenceEqual("0000")))
        {
            return ResidentIdProblem.Region;
        }

        if (BirthDate(id) is not { } born || born.Year < 1900 || born > today)
        {
            return ResidentIdProblem.BirthDate;
        }

        return CheckDigit(id.AsSpan(0, Length - 1)) == id[^1] ? null : ResidentIdProblem.CheckDigit;
    }

    public static bool IsValid(string value, DateOnly today) => Check(value, today) is null;

    /// <summary>The birth date the number carries, or null when those digits are not a date.</summary>
    public static DateOnly? BirthDate(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        return normalised.Length == Length
            && DateOnly.TryParseExact(normalised.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>True for a man, false for a woman (the parity of the 17th digit).</summary>
    public static bool IsMale(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        return (normalised[16] - '0') % 2 == 1;
    }

    /// <summary>The field error for <paramref name="value"/> in the current UI language, or null when it is valid.</summary>
    public static string? Error(string value, DateOnly today) => Check(value, today) switch
    {
        null => null,
        ResidentIdProblem.Format => UiText.Get("Validation.IdNumber.Format"),
        ResidentIdProblem.Region => UiText.Get("Validation.IdNumber.Region"),
        ResidentIdProblem.BirthDate => UiText.Get("Validation.IdNumber.BirthDate"),
        _ => UiText.Get("Validation.IdNumber.CheckDigit"),
    };
}
