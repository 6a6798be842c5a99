namespace Xiaobao.Kernel.Localization;

/// <summary>
/// Marker for the UI's strings: UiStrings.resx holds Simplified Chinese (the neutral language), UiStrings.en.resx English.
/// Components take <c>IStringLocalizer&lt;UiStrings&gt;</c>.
/// </summary>
public sealed class UiStrings
{
    private UiStrings()
    {
    }
}
