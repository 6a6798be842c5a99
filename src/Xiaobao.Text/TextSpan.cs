namespace Xiaobao.Text;

/// <summary>A range of a string in UTF-16 code units, as C# and JavaScript index strings.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;
}
