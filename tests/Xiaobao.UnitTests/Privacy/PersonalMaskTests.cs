using Xiaobao.Kernel.Privacy;

namespace Xiaobao.UnitTests.Privacy;

public sealed class PersonalMaskTests
{
    [Theory]
    [InlineData(PersonalKind.Phone, "13812345678", "138****5678")]
    [InlineData(PersonalKind.Phone, "+86 138 1234 5678", "138****5678")]
    [InlineData(PersonalKind.Phone, "0755-86001234", "****1234")]
    [InlineData(PersonalKind.IdNumber, "310104199001011234", "3101**********1234")]
    [InlineData(PersonalKind.IdNumber, "11010519491231002x", "1101**********002X")]
    [InlineData(PersonalKind.Name, "张三明", "张*明")]
    [InlineData(PersonalKind.Name, "张三", "张*")]
    [InlineData(PersonalKind.Name, "欧阳明月", "欧阳**")]
    [InlineData(PersonalKind.Name, "欧阳明", "欧阳*")]
    [InlineData(PersonalKind.Name, "爱新觉罗", "爱**罗")]
    [InlineData(PersonalKind.Name, "John Smith", "J*** S****")]
    [InlineData(PersonalKind.Email, "alice@example.com", "a***@example.com")]
    [InlineData(PersonalKind.BankAccount, "6222 0212 3456 7890 128", "****0128")]
    [InlineData(PersonalKind.Address, "广东省深圳市南山区科技园南区1栋", "广东省深圳市南山区****")]
    [InlineData(PersonalKind.Address, "北京市朝阳区建国路88号华联超市", "北京市朝阳区****")]
    [InlineData(PersonalKind.Address, "上海市浦东新区世纪大道100号", "上海市浦东新区****")]
    [InlineData(PersonalKind.Address, "新疆维吾尔自治区乌鲁木齐市天山区解放南路", "新疆维吾尔自治区乌鲁木齐市天山区****")]
    [InlineData(PersonalKind.Address, "江苏省昆山市玉山镇人民路1号", "江苏省昆山市****")]
    [InlineData(PersonalKind.Address, "人民路1号", "****")]
    [InlineData(PersonalKind.BirthDate, "1958-03-12", "1958-**-**")]
    [InlineData(PersonalKind.FreeText, "客户有高血压病史", "****")]
    public void Mask_ByKind_ShowsOnlyWhatTheKindAllows(PersonalKind kind, string value, string masked) =>
        Assert.Equal(masked, PersonalMask.Mask(kind, value));

    [Theory]
    [InlineData("请回拨 13812345678 谢谢", "请回拨 138****5678 谢谢")]
    [InlineData("phone=+86-138-1234-5678&x=1", "phone=138****5678&x=1")]
    [InlineData("ID 310104199001011234 checked", "ID 3101**********1234 checked")]
    [InlineData("card 6222021234567890128.", "card ****0128.")]
    [InlineData("mail zhang.san@example.com now", "mail z***@example.com now")]
    [InlineData("GET /api/v1/customers/lookup?idNumber=11010519491231002X", "GET /api/v1/customers/lookup?idNumber=1101**********002X")]
    public void Redact_TextWithPersonalValues_MasksThem(string text, string redacted) =>
        Assert.Equal(redacted, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("Request 0HN7A1B2C3D4E finished in 12.5 ms")]
    [InlineData("customer 0193a1b2-1381-2345-6789-0123456789ab saved")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736, 42 rows")]
    [InlineData("order 12345678901234")]
    public void Redact_IdentifiersAndShortNumbers_AreLeftAlone(string text) =>
        Assert.Equal(text, PersonalDataRedactor.Redact(text));
}
