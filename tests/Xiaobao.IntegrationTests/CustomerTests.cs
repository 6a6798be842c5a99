using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Customers.Domain;
using Xiaobao.IntegrationTests.Infrastructure;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Persistence;

namespace Xiaobao.IntegrationTests;

public sealed class CustomerTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateCustomer_PlainValues_AnswersMaskedAndStoresOnlyCiphertexts(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        var v = TestCustomers.NewValues();

        var response = await handler.PostJsonAsync("/api/v1/customers", TestCustomers.Body(v));
        var created = await HttpAssertions.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("欧阳**", TestCustomers.Text(created, "name"));
        Assert.Equal($"{v.IdNumber[..4]}**********{v.IdNumber[^4..]}", TestCustomers.Text(created, "idNumber"));
        Assert.Equal($"199****{v.Mobile[^4..]}", TestCustomers.Text(created, "mobile"));
        Assert.Equal("p***@example.org", TestCustomers.Text(created, "email"));
        Assert.Equal("广东省深圳市南山区****", TestCustomers.Text(created, "address"));
        Assert.Equal($"****{v.BankAccount[^4..]}", TestCustomers.Text(created, "bankAccount"));
        Assert.Equal("1958-**-**", TestCustomers.Text(created, "birthDate"));
        Assert.Equal("Male", TestCustomers.Text(created, "gender"));
        Assert.True(created.GetProperty("elderly").GetBoolean());
        Assert.True(created.GetProperty("seriousIllness").GetBoolean());

        var stored = await RowAsync(app, Guid.Parse(created.GetProperty("id").GetString()!));
        foreach (var (cipher, plain) in new[] { (stored.Name, v.Name), (stored.IdNumber, v.IdNumber), (stored.Mobile, v.Mobile), (stored.Email, v.Email), (stored.Address, v.Address), (stored.BankAccount, v.BankAccount), (stored.Notes, v.Notes) })
        {
            Assert.StartsWith("v1:", cipher, StringComparison.Ordinal);
            Assert.DoesNotContain(plain, cipher, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateCustomer_SameNumberTwice_KeepsOneCustomerAndUpdatesIt(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        var v = TestCustomers.NewValues();
        var first = await handler.PostJsonAsync("/api/v1/customers", TestCustomers.Body(v));
        var again = await handler.PostJsonAsync("/api/v1/customers", TestCustomers.Body(v with { Address = "广东省深圳市福田区新地址1号" }));

        var list = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers?number={v.Number}"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var only = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((await HttpAssertions.ReadJsonAsync(first)).GetProperty("id").GetString(), only.GetProperty("id").GetString());
        Assert.Equal("广东省深圳市福田区****", TestCustomers.Text(only, "address"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateCustomer_BadIdNumberAndMobile_AnswersLocalisedFieldErrors(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        var v = TestCustomers.NewValues();
        var wrongCheck = v.IdNumber[..17] + (v.IdNumber[17] == '0' ? '1' : '0');

        var chinese = await handler.PostJsonAsync("/api/v1/customers", TestCustomers.Body(v with { IdNumber = wrongCheck, Mobile = "12345678901" }));
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(TestCustomers.Body(v with { IdNumber = "110105194913310021" }), options: XiaobaoAppFactory.Json) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var englishResponse = await handler.SendAsync(english);

        var errors = (await HttpAssertions.AssertProblemAsync(chinese, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("身份证号码校验位不正确，请核对。", errors.GetProperty("idNumber")[0].GetString());
        Assert.Contains("11 位", errors.GetProperty("mobile")[0].GetString(), StringComparison.Ordinal);
        var englishErrors = (await HttpAssertions.AssertProblemAsync(englishResponse, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("The ID number's birth date is not valid.", englishErrors.GetProperty("idNumber")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Lookup_PhoneOrIdNumberInAnySpelling_FindsTheCustomerAndLogsTheLookup(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        var v = TestCustomers.NewValues();
        var id = await TestCustomers.CreateAsync(handler, v);

        var byPhone = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers/lookup?phone={Uri.EscapeDataString($"+86 {v.Mobile[..3]}-{v.Mobile[3..7]}-{v.Mobile[7..]}")}"));
        var byId = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers/lookup?idNumber={v.IdNumber.ToLowerInvariant()}"));
        var none = await HttpAssertions.ReadJsonAsync(await handler.GetAsync("/api/v1/customers/lookup?phone=19900000001"));
        var log = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers/{id}/access-log"));

        Assert.Equal(id, Assert.Single(byPhone.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(id, Assert.Single(byId.EnumerateArray()).GetProperty("id").GetString());
        Assert.Empty(none.EnumerateArray());
        Assert.Equal(["idNumber", "mobile"], log.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "looked-up").Select(e => e.GetProperty("field").GetString()).Order());
        await HttpAssertions.AssertFieldErrorAsync(await handler.GetAsync("/api/v1/customers/lookup"), "phone");
        await HttpAssertions.AssertFieldErrorAsync(await handler.GetAsync("/api/v1/customers/lookup?phone=12345"), "phone");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reveal_WithPermissionAndReason_ReturnsTheValueAndRecordsWhoViewedIt(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        using var admin = await app.ClientForAsync("admin");
        var v = TestCustomers.NewValues();
        var id = await TestCustomers.CreateAsync(handler, v);

        var revealed = await HttpAssertions.ReadJsonAsync(await handler.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field = "mobile", reason = $"客户来电核实身份，回拨 {v.Mobile}" }));
        var generic = await HttpAssertions.ReadJsonAsync(await handler.PostJsonAsync("/api/v1/privacy/reveal", new { kind = "customer", id, field = "idNumber", reason = "核对投诉人身份" }));
        var log = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers/{id}/access-log"));
        var audit = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/audit?entityType=Customer&entityId={id}&action=revealed"));

        Assert.Equal(v.Mobile, TestCustomers.Text(revealed, "value"));
        Assert.Equal(v.IdNumber, TestCustomers.Text(generic, "value"));
        Assert.True(generic.GetProperty("sensitive").GetBoolean());
        var entries = log.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "revealed").ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("handler", e.GetProperty("actorName").GetString()));
        Assert.Contains(entries, e => e.GetProperty("reason").GetString() == $"客户来电核实身份，回拨 199****{v.Mobile[^4..]}");
        var auditEntries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, auditEntries.Count);
        Assert.DoesNotContain(v.Mobile, audit.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(v.IdNumber, audit.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(auditEntries, e => e.GetProperty("changes").GetProperty("field").GetString() == "idNumber" && e.GetProperty("changes").GetProperty("reason").GetString() == "核对投诉人身份");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reveal_WithoutPermission_Answers403AndAuditsTheRefusal(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        using var auditor = await app.ClientForAsync("auditor");
        using var service = await app.ClientForAsync("service");
        using var admin = await app.ClientForAsync("admin");
        var id = await TestCustomers.CreateAsync(handler, TestCustomers.NewValues());

        var auditorTry = await auditor.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field = "idNumber", reason = "抽查" });
        var serviceTry = await service.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field = "mobile", reason = "想看看" });
        var refused = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/audit?entityType=Customer&entityId={id}&action=reveal-refused"));
        var log = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers/{id}/access-log"));

        Assert.Equal("xiaobao:privacy/reveal-forbidden", (await HttpAssertions.AssertProblemAsync(auditorTry, HttpStatusCode.Forbidden)).GetProperty("type").GetString());
        await HttpAssertions.AssertProblemAsync(serviceTry, HttpStatusCode.Forbidden);
        Assert.Equal(["service", "auditor"], refused.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("actorName").GetString()));
        Assert.All(refused.GetProperty("items").EnumerateArray(), e => Assert.Equal("no-permission", e.GetProperty("changes").GetProperty("refusal").GetString()));
        Assert.Equal(2, log.EnumerateArray().Count(e => e.GetProperty("action").GetString() == "reveal-refused"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reveal_WithoutReason_Answers400OnReasonAndAuditsTheRefusal(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        using var admin = await app.ClientForAsync("admin");
        var id = await TestCustomers.CreateAsync(handler, TestCustomers.NewValues());

        await HttpAssertions.AssertFieldErrorAsync(await handler.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field = "mobile", reason = "  " }), "reason");
        await HttpAssertions.AssertFieldErrorAsync(await handler.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field = "shoeSize", reason = "x" }), "field");
        var refused = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/audit?entityType=Customer&entityId={id}&action=reveal-refused"));

        var entry = Assert.Single(refused.GetProperty("items").EnumerateArray());
        Assert.Equal("no-reason", entry.GetProperty("changes").GetProperty("refusal").GetString());
        Assert.Equal("mobile", entry.GetProperty("changes").GetProperty("field").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reveal_CustomerOutsideScope_Answers404AndNothingIsLogged(string provider)
    {
        var app = apps.For(provider);
        using var officer = await app.ClientForAsync("officer");
        using var handler = await app.ClientForAsync("handler");
        var id = await TestCustomers.CreateAsync(officer, TestCustomers.NewValues(), "JS-NJ-GL");

        var response = await handler.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field = "mobile", reason = "越权" });
        var generic = await handler.PostJsonAsync("/api/v1/privacy/reveal", new { kind = "customer", id, field = "mobile", reason = "越权" });
        var log = await HttpAssertions.ReadJsonAsync(await officer.GetAsync($"/api/v1/customers/{id}/access-log"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, generic.StatusCode);
        Assert.Empty(log.EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Erase_Customer_ErasesEveryDeclaredFieldAndKeepsTheNumber(string provider)
    {
        var app = apps.For(provider);
        using var officer = await app.ClientForAsync("officer");
        using var handler = await app.ClientForAsync("handler");
        using var admin = await app.ClientForAsync("admin");
        var v = TestCustomers.NewValues();
        var id = await TestCustomers.CreateAsync(handler, v);

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync($"/api/v1/customers/{id}/erase", null)).StatusCode);
        var erased = await HttpAssertions.ReadJsonAsync(await officer.PostAsync($"/api/v1/customers/{id}/erase", null));
        var again = await officer.PostAsync($"/api/v1/customers/{id}/erase", null);
        var lookup = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers/lookup?phone={v.Mobile}"));
        var update = await handler.PutAsJsonAsync($"/api/v1/customers/{id}", TestCustomers.Body(v), XiaobaoAppFactory.Json);
        var revealed = await HttpAssertions.ReadJsonAsync(await handler.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field = "mobile", reason = "核实" }));
        var audit = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/audit?entityType=Customer&entityId={id}&action=erased"));

        Assert.True(erased.GetProperty("erased").GetBoolean());
        Assert.Equal(v.Number, TestCustomers.Text(erased, "customerNumber"));
        Assert.Null(TestCustomers.Text(erased, "name"));
        Assert.Null(TestCustomers.Text(erased, "mobile"));
        Assert.False(erased.GetProperty("seriousIllness").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(lookup.EnumerateArray());
        await HttpAssertions.AssertProblemAsync(update, HttpStatusCode.Conflict);
        Assert.Equal("Erased", TestCustomers.Text(revealed, "state"));
        Assert.Null(TestCustomers.Text(revealed, "value"));
        Assert.Contains("bankAccount", Assert.Single(audit.GetProperty("items").EnumerateArray()).GetProperty("changes").GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        var row = await RowAsync(app, Guid.Parse(id));
        Assert.All(PersonalFields.Encrypted(typeof(Customer)), f => Assert.Equal(PersonalValues.ErasedMarker, f.Property.GetValue(row)));
        Assert.Null(row.MobileIndex);
        Assert.Null(row.IdNumberIndex);
        Assert.Equal(CustomerCare.None, row.Care);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Export_Csv_CarriesMaskedValuesOnly(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        var v = TestCustomers.NewValues();
        await TestCustomers.CreateAsync(handler, v);

        var csv = await (await handler.GetAsync($"/api/v1/customers/export?format=Csv&number={v.Number}")).Content.ReadAsStringAsync();

        Assert.Contains($"199****{v.Mobile[^4..]}", csv, StringComparison.Ordinal);
        Assert.Contains("欧阳**", csv, StringComparison.Ordinal);
        foreach (var plain in new[] { v.Name, v.IdNumber, v.Mobile, v.Email, v.Address, v.BankAccount, v.Notes })
        {
            Assert.DoesNotContain(plain, csv, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reveal_TamperedOrMovedCiphertext_FailsAuthenticationAndIsReportedNotShown(string provider)
    {
        var app = apps.For(provider);
        using var handler = await app.ClientForAsync("handler");
        var a = TestCustomers.NewValues();
        var b = TestCustomers.NewValues();
        var first = Guid.Parse(await TestCustomers.CreateAsync(handler, a));
        var second = Guid.Parse(await TestCustomers.CreateAsync(handler, b));
        var rowA = await RowAsync(app, first);
        var flipped = rowA.Email![..^6] + (rowA.Email[^6] == 'A' ? 'B' : 'A') + rowA.Email[^5..];

        // A's mobile ciphertext copied into B's row; A's e-mail with one character changed; A's ID ciphertext in A's address column.
        await ExecuteAsync(app, "UPDATE cus_customers SET \"Mobile\" = {0} WHERE \"Id\" = {1}", rowA.Mobile!, second);
        await ExecuteAsync(app, "UPDATE cus_customers SET \"Email\" = {0}, \"Address\" = {1} WHERE \"Id\" = {2}", flipped, rowA.IdNumber!, first);

        var shownB = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers/{second}"));
        var shownA = await HttpAssertions.ReadJsonAsync(await handler.GetAsync($"/api/v1/customers/{first}"));
        var reveal = await handler.PostJsonAsync($"/api/v1/customers/{second}/reveal", new { field = "mobile", reason = "核实" });

        Assert.Equal(["mobile"], shownB.GetProperty("unreadable").EnumerateArray().Select(e => e.GetString()));
        Assert.Null(TestCustomers.Text(shownB, "mobile"));
        Assert.Equal(["email", "address"], shownA.GetProperty("unreadable").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("xiaobao:privacy/unreadable", (await HttpAssertions.AssertProblemAsync(reveal, HttpStatusCode.InternalServerError)).GetProperty("type").GetString());
        Assert.Contains(app.Logs.Entries, e => e.Contains($"Customer.Mobile of record {second}", StringComparison.Ordinal) && e.Contains("FailedAuthentication", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Contains(a.Mobile, StringComparison.Ordinal) || e.Contains(a.Email, StringComparison.Ordinal));
    }

    internal static async Task<Customer> RowAsync(XiaobaoAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<IDataScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Customers.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private static async Task ExecuteAsync(XiaobaoAppFactory app, string sql, params object[] parameters)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Database.ExecuteSqlRawAsync(sql, parameters);
    }
}
