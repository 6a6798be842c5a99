using System.Globalization;
using System.Text;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.TextEngine.Features;

/// <summary>The checks every text handed to the engine passes: present, and within the configured size.</summary>
internal static class TextInput
{
    public static string Require(string? text, int maxBytes, string field = "text")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ValidationFailedException.For(field, UiText.Get("Error.Text.Empty"));
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > maxBytes)
        {
            throw ValidationFailedException.For(field, UiText.Format("Error.Text.TooLong", Kilobytes(bytes), Kilobytes(maxBytes)));
        }

        return text;
    }

    private static string Kilobytes(int bytes) => (bytes / 1024.0).ToString("#,0.#", CultureInfo.CurrentCulture);
}
