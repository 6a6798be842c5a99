using System.Text;

namespace Xiaobao.Kernel.Files;

/// <summary>Text read from an uploaded or named file, and the encoding it was found to be in.</summary>
public sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// Decides how a text file is encoded from its bytes — a byte-order mark, else strict UTF-8, else GB18030 (the
/// superset of the GBK that Excel and Notepad on Chinese Windows write) — and refuses binary files. Used wherever
/// people hand Xiaobao a text or CSV file, so a GBK file is never shown as mojibake.
/// </summary>
public static class TextFileDecoder
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Taken from the provider directly instead of Encoding.RegisterProvider so reading a file changes no process-wide state.
    private static readonly Encoding s_gb18030 =
        CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("GB18030 is not available from CodePagesEncodingProvider.");

    /// <summary>The decoded text, or null when the bytes are binary (a PDF, an image) or in no encoding we read.</summary>
    public static DecodedText? Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (StartsWith(bytes, "%PDF-"u8))
        {
            return null;
        }

        DecodedText? decoded;
        if (StartsWith(bytes, [0xEF, 0xBB, 0xBF]))
        {
            decoded = TryDecode(s_strictUtf8, "UTF-8", bytes, 3);
        }
        else if (StartsWith(bytes, [0xFF, 0xFE]))
        {
            decoded = TryDecode(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16LE", bytes, 2);
        }
        else if (StartsWith(bytes, [0xFE, 0xFF]))
        {
            decoded = TryDecode(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16BE", bytes, 2);
        }
        else
        {
            // GBK text is rarely valid UTF-8, so UTF-8 first; GB18030 is GBK's superset.
            decoded = TryDecode(s_strictUtf8, "UTF-8", bytes, 0) ?? TryDecode(s_gb18030, "GB18030", bytes, 0);
        }

        return decoded is not null && IsPlainText(decoded.Text) ? decoded : null;
    }

    public static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);

    private static DecodedText? TryDecode(Encoding encoding, string name, byte[] bytes, int offset)
    {
        try
        {
            return new DecodedText(encoding.GetString(bytes, offset, bytes.Length - offset), name);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // Binary files often decode "successfully" as GB18030, so also demand text without control characters.
    private static bool IsPlainText(string text)
    {
        foreach (var c in text)
        {
            if ((char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')) || c == '\uFFFD')
            {
                return false;
            }
        }

        return true;
    }
}
