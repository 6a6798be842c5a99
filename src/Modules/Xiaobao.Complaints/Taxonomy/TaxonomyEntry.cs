using System.Globalization;

namespace Xiaobao.Complaints.Taxonomy;

/// <summary>A coded item of a complaint taxonomy with its Simplified Chinese and English names.</summary>
/// <param name="Code">The stable code stored on complaints, lower-case with underscores.</param>
/// <param name="NameZh">The name in Simplified Chinese.</param>
/// <param name="NameEn">The name in English.</param>
public record TaxonomyEntry(string Code, string NameZh, string NameEn)
{
    /// <summary>The name in <paramref name="culture"/>: English for any "en" culture, Chinese otherwise.</summary>
    public string Name(CultureInfo culture) =>
        culture?.TwoLetterISOLanguageName == "en" ? NameEn : NameZh;
}

/// <summary>The regulator's first axis (业务类别): the line of business complained about.</summary>
/// <param name="Code">The code.</param>
/// <param name="NameZh">The Chinese name.</param>
/// <param name="NameEn">The English name.</param>
/// <param name="StandardCode">The national standard's code once its annex is loaded; null until then.</param>
public sealed record BusinessType(string Code, string NameZh, string NameEn, string? StandardCode)
    : TaxonomyEntry(Code, NameZh, NameEn);

/// <summary>The regulator's second axis (投诉原因): what the complaint is about.</summary>
/// <param name="Code">The code.</param>
/// <param name="NameZh">The Chinese name.</param>
/// <param name="NameEn">The English name.</param>
/// <param name="BulletinBucket">The line of the regulator's periodic report it is counted under (for China: sales, claims, surrender or other).</param>
/// <param name="StandardCode">The national standard's code once its annex is loaded; null until then.</param>
public sealed record ComplaintReason(string Code, string NameZh, string NameEn, string BulletinBucket, string? StandardCode)
    : TaxonomyEntry(Code, NameZh, NameEn);

/// <summary>A root cause found when closing a complaint.</summary>
/// <param name="Code">The code.</param>
/// <param name="NameZh">The Chinese name.</param>
/// <param name="NameEn">The English name.</param>
/// <param name="IsInternal">Whether the cause lies inside the company, so closing needs a rectification item.</param>
public sealed record RootCauseCategory(string Code, string NameZh, string NameEn, bool IsInternal)
    : TaxonomyEntry(Code, NameZh, NameEn);

/// <summary>A channel a complaint arrives through.</summary>
/// <param name="Code">The code.</param>
/// <param name="NameZh">The Chinese name.</param>
/// <param name="NameEn">The English name.</param>
/// <param name="FaceToFace">Whether the complainant is present in person.</param>
public sealed record IntakeChannel(string Code, string NameZh, string NameEn, bool FaceToFace)
    : TaxonomyEntry(Code, NameZh, NameEn);
