using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

public sealed class LocalisationTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateOrganisation_InvalidCodeWithoutAcceptLanguage_AnswersChineseFieldMessage(string provider)
    {
        using var manager = await apps.For(provider).ClientForAsync("manager");

        var problem = await PostInvalidCodeAsync(manager, acceptLanguage: null);

        Assert.Equal("机构代码只能包含字母、数字、“-”或“_”，最长 32 位。", CodeMessage(problem));
        Assert.Equal("有字段填写不正确。", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateOrganisation_InvalidCodeWithAcceptLanguageEn_AnswersEnglishFieldMessage(string provider)
    {
        using var manager = await apps.For(provider).ClientForAsync("manager");

        var problem = await PostInvalidCodeAsync(manager, acceptLanguage: "en-GB,en;q=0.9");

        Assert.Equal("Use 1 to 32 letters, digits, '-' or '_'.", CodeMessage(problem));
        Assert.Equal("One or more fields are invalid.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateOrganisation_MissingNameWithAcceptLanguageEn_AnswersEnglishAnnotationMessage(string provider)
    {
        using var manager = await apps.For(provider).ClientForAsync("manager");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations")
        {
            Content = JsonContent.Create(new { code = OrganisationTests.Unique("ZJ-L10N"), level = "CityBranch", parentCode = "ZJ" }, options: XiaobaoAppFactory.Json),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var problem = await HttpAssertions.AssertProblemAsync(await manager.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal("This field is required.", problem.GetProperty("errors").GetProperty("nameZh")[0].GetString());
    }

    private static async Task<System.Text.Json.JsonElement> PostInvalidCodeAsync(HttpClient client, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations")
        {
            Content = JsonContent.Create(
                new { code = "ZJ WZ!", nameZh = "鑫安人寿温州中心支公司", nameEn = "Wenzhou", level = "CityBranch", parentCode = "ZJ" },
                options: XiaobaoAppFactory.Json),
        };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return await HttpAssertions.AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);
    }

    private static string? CodeMessage(System.Text.Json.JsonElement problem) =>
        Assert.Single(problem.GetProperty("errors").GetProperty("code").EnumerateArray()).GetString();
}
