namespace Xiaobao.TextEngine.Domain;

/// <summary>
/// A named list of terms administrators want the segmenter to keep whole (product names, company jargon). Every
/// active list applies to every segmentation.
/// </summary>
public sealed class UserTermList
{
    public const int NameMaxLength = 64;
    public const int MaxTerms = 10_000;

    private UserTermList()
    {
        Name = string.Empty;
        Terms = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The terms, one per line, in the order given.</summary>
    public string Terms { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> TermList => Terms.Length == 0 ? [] : Terms.Split('\n');

    public static UserTermList Create(string name, IReadOnlyList<string> terms, bool isActive, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Name = name,
        Terms = string.Join('\n', terms),
        IsActive = isActive,
        UpdatedAt = at,
    };

    public void Replace(IReadOnlyList<string> terms, bool isActive, DateTimeOffset at)
    {
        Terms = string.Join('\n', terms);
        IsActive = isActive;
        UpdatedAt = at;
    }
}
