namespace Xiaobao.TextEngine;

/// <summary>Settings of the text engine (section "TextEngine").</summary>
public sealed class TextEngineOptions
{
    public const string Section = "TextEngine";

    /// <summary>Largest text one request or one CLI input may carry, in UTF-8 bytes (default 1 MB).</summary>
    public int MaxTextBytes { get; set; } = 1024 * 1024;
}
