using System.Globalization;

namespace Xiaobao.Text.Phrases.PersonalData;

/// <summary>The 18-character citizen identification number of GB 11643-1999: region, birth date, sequence, check character.</summary>
internal static class ResidentIdNumber
{
    private static readonly int[] s_weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string value)
    {
        if (value.Length != 18 || value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
        {
            return false;
        }

        return char.ToUpperInvariant(value[17]) == CheckCharacter(value.AsSpan(0, 17));
    }

    /// <summary>ISO 7064 MOD 11-2 over the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * s_weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
