using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace Xiaobao.UnitTests;

/// <summary>
/// Runs a test with <see cref="CultureInfo.CurrentUICulture"/> set, and restores it afterwards. Messages come from the
/// resources in the UI culture, so tests that read message text must not depend on the machine's language.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class UseUiCultureAttribute(string culture) : BeforeAfterTestAttribute
{
    private CultureInfo? _original;

    public string Culture { get; } = culture;

    public override void Before(MethodInfo methodUnderTest)
    {
        _original = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(Culture);
    }

    public override void After(MethodInfo methodUnderTest)
    {
        if (_original is not null)
        {
            CultureInfo.CurrentUICulture = _original;
        }
    }
}
