using Xiaobao.Kernel.Localization;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.Shared;

/// <summary>Pieces of error messages that depend on the request's language: level names and lists of codes.</summary>
internal static class OrganisationText
{
    public static string Level(OrganisationLevel level) => UiText.Get($"Level.{level}");

    /// <summary>The codes quoted and joined the way the language writes a list, e.g. “A”、“B” or 'A', 'B'.</summary>
    public static string QuotedList(IEnumerable<string> codes) =>
        string.Join(UiText.Get("Error.ListSeparator"), codes.Select(c => UiText.Format("Error.Quoted", c)));

    public static string List(IEnumerable<string> items) => string.Join(UiText.Get("Error.ListSeparator"), items);
}
