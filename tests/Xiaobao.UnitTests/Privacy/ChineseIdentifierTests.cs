using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xiaobao.Kernel.Identifiers;

namespace Xiaobao.UnitTests.Privacy;

public sealed class ChineseIdentifierTests
{
    private static readonly DateOnly s_today = new(2026, 11, 27);

    // The body of a valid number: a real region code, a birth date from 1900 to today, a 3-digit sequence.
    private static readonly Gen<string> s_first17 =
        from region in Gen.Elements("110105", "310104", "440305", "320106", "510107", "650102", "810000")
        from days in Gen.Choose(0, s_today.DayNumber - new DateOnly(1900, 1, 1).DayNumber)
        from sequence in Gen.Choose(0, 999)
        select $"{region}{new DateOnly(1900, 1, 1).AddDays(days):yyyyMMdd}{sequence:000}";

    [Theory]
    [InlineData("11010519491231002X")] // the example in GB 11643-1999
    [InlineData("440524188001010014")] // the other example there, born 1880: refused below as a birth date before 1900
    [InlineData("11010519491231002x")]
    public void CheckDigit_StandardExamples_Match(string id) =>
        Assert.Equal(char.ToUpperInvariant(id[17]), ResidentIdNumber.CheckDigit(id.AsSpan(0, 17)));

    [Fact]
    public void Check_StandardExampleLowerCaseX_IsValid() =>
        Assert.Null(ResidentIdNumber.Check(" 11010519491231002x ", s_today));

    [Theory]
    [InlineData("110105194912310021", ResidentIdProblem.CheckDigit)]
    [InlineData("11010519491231002", ResidentIdProblem.Format)]
    [InlineData("1101051949123100X2", ResidentIdProblem.Format)]
    [InlineData("990105194912310021", ResidentIdProblem.Region)]
    [InlineData("110000194912310021", ResidentIdProblem.Region)]
    [InlineData("110105194902300021", ResidentIdProblem.BirthDate)]
    [InlineData("110105203001010021", ResidentIdProblem.BirthDate)]
    [InlineData("440524188001010014", ResidentIdProblem.BirthDate)]
    public void Check_BrokenNumber_NamesTheProblem(string id, ResidentIdProblem problem) =>
        Assert.Equal(problem, ResidentIdNumber.Check(id, s_today));

    [Property(MaxTest = 500)]
    public Property Check_BodyWithItsCheckDigit_IsValid() =>
        Prop.ForAll(Arb.From(s_first17), body => ResidentIdNumber.IsValid(body + ResidentIdNumber.CheckDigit(body), s_today));

    // MOD 11-2 catches every single-digit error: change any one of the 17 digits and the check digit no longer fits.
    [Property(MaxTest = 500)]
    public Property CheckDigit_AnySingleDigitChanged_NoLongerMatches() =>
        Prop.ForAll(Arb.From(from body in s_first17 from position in Gen.Choose(0, 16) from shift in Gen.Choose(1, 9) select (body, position, shift)), t =>
        {
            var (body, position, shift) = t;
            var changed = body.ToCharArray();
            changed[position] = (char)('0' + ((changed[position] - '0' + shift) % 10));
            return ResidentIdNumber.CheckDigit(new string(changed)) != ResidentIdNumber.CheckDigit(body);
        });

    [Property(MaxTest = 300)]
    public Property BirthDateAndSex_ReadBackFromTheNumber() =>
        Prop.ForAll(Arb.From(s_first17), body =>
        {
            var id = body + ResidentIdNumber.CheckDigit(body);
            return ResidentIdNumber.BirthDate(id)!.Value.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) == body[6..14]
                && ResidentIdNumber.IsMale(id) == ((body[16] - '0') % 2 == 1);
        });

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+86 138-1234-5678", true)]
    [InlineData("8613812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("138123456789", false)]
    [InlineData("138-1234-567a", false)]
    [InlineData("010-12345678", false)]
    public void Mobile_Numbers_AreMainlandMobilesOnly(string value, bool valid) =>
        Assert.Equal(valid, MobileNumber.IsValid(value));

    [Fact]
    [UseUiCulture("en")]
    public void Error_InEnglish_NamesTheCheckDigit() =>
        Assert.Equal("The ID number's check digit is wrong; please check the number.", ResidentIdNumber.Error("110105194912310021", s_today));
}
