using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.IntegrationTests.Infrastructure;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.IntegrationTests;

/// <summary>
/// Walks every API endpoint the running app exposes, as a user of every role placed at the Shenzhen city branch,
/// against a record inside and one outside that branch. A new endpoint joins automatically: one that addresses a
/// record by id without declaring what it is, or a write without a sample body here, fails the test.
/// </summary>
public sealed class ScopeMatrixTests(AppFixture apps) : IClassFixture<AppFixture>
{
    private const string Branch = "GD-SZ";

    private static readonly string[] s_roles =
        ["SystemAdmin", "ConsumerProtectionOfficer", "ComplaintHandler", "ServiceOfficer", "Reviewer", "SalesManager", "Auditor", "BranchManager"];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EveryEndpoint_EveryRole_NeverReachesOutsideTheCallersScope(string provider)
    {
        var app = apps.For(provider);
        var world = await World.BuildAsync(app);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.EndsWith("/auth/token", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count >= 15, $"Only {endpoints.Count} API endpoints found.");
        var failures = new List<string>();

        foreach (var role in s_roles)
        {
            using var client = await app.ClientForAsync(world.UserFor[role], "Right-Password-1");
            foreach (var endpoint in endpoints)
            {
                var pattern = endpoint.RoutePattern.RawText!;
                var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods[0];
                if (endpoint.Metadata.GetMetadata<GlobalResource>() is not null)
                {
                    continue;
                }

                if (endpoint.RoutePattern.Parameters.Count > 0)
                {
                    var kind = endpoint.Metadata.GetMetadata<ScopedResource>()?.Kind;
                    if (kind is null)
                    {
                        failures.Add($"{method} {pattern} takes a route value but declares neither ForScoped nor ForGlobal.");
                        continue;
                    }

                    var outside = await SendAsync(client, method, pattern, world.Outside[kind], world);
                    if (outside is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                    {
                        failures.Add($"{role}: {method} {pattern} on an out-of-scope {kind} answered {(int)outside}.");
                    }

                    var inside = await SendAsync(client, method, pattern, world.Inside[kind], world);
                    if (inside == HttpStatusCode.NotFound)
                    {
                        failures.Add($"{role}: {method} {pattern} on an in-scope {kind} answered 404.");
                    }
                }
                else if (method == "GET")
                {
                    using var response = await client.GetAsync(pattern + (pattern.EndsWith("/export", StringComparison.Ordinal) ? "?format=Csv" : "?pageSize=200"));
                    var body = await response.Content.ReadAsStringAsync();
                    foreach (var marker in world.OutsideMarkers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)))
                    {
                        failures.Add($"{role}: GET {pattern} leaked out-of-scope {marker}.");
                    }
                }
                else
                {
                    var status = await SendAsync(client, method, pattern, string.Empty, world);
                    if ((int)status is >= 200 and < 300)
                    {
                        failures.Add($"{role}: {method} {pattern} created a record outside its scope ({(int)status}).");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string pattern, string id, World world)
    {
        var url = pattern.Replace("{id:guid}", id, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = SampleBody(method, pattern, world) };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A valid body for each write; writes without parameters aim at the out-of-scope province.</summary>
    private static HttpContent? SampleBody(string method, string pattern, World world)
    {
        object? body = (method, pattern) switch
        {
            ("GET", _) => null,
            ("POST", "/api/v1/organisations/") => new { code = $"MX-{Guid.NewGuid():N}"[..12], nameZh = "越权机构", level = "CityBranch", parentCode = "JS" },
            ("PUT", "/api/v1/organisations/{id:guid}") => new { code = world.InsideOrganisationCode, nameZh = "鑫安人寿深圳南山支公司", nameEn = "Nanshan" },
            ("POST", "/api/v1/organisations/{id:guid}/move") => new { parentCode = Branch },
            ("POST", "/api/v1/organisations/{id:guid}/deactivate") => null,
            ("POST", "/api/v1/organisations/{id:guid}/activate") => null,
            ("POST", "/api/v1/organisations/import") => "import",
            ("POST", "/api/v1/users/") => new { userName = $"mx{Guid.NewGuid():N}"[..12], displayName = "越权", organisationCode = "JS", roles = new[] { "Auditor" }, password = "Right-Password-1" },
            ("PUT", "/api/v1/users/{id:guid}") => new { displayName = "李晓梅", organisationCode = Branch, roles = new[] { "ComplaintHandler" }, isActive = true },
            ("POST", "/api/v1/users/{id:guid}/password") => new { password = "Right-Password-1" },
            ("POST", "/api/v1/apikeys/") => new { name = "越权", organisationCode = "JS", permissions = new[] { "organisations.read" } },
            ("POST", "/api/v1/apikeys/{id:guid}/revoke") => null,
            ("POST", "/api/v1/customers/") => TestCustomers.Body(TestCustomers.NewValues(), "JS"),
            ("PUT", "/api/v1/customers/{id:guid}") => TestCustomers.Body(TestCustomers.NewValues() with { Number = null! }, "GD-SZ-NS"),
            ("POST", "/api/v1/customers/{id:guid}/erase") => null,
            ("POST", "/api/v1/customers/{id:guid}/reveal") => new { field = "mobile", reason = "scope matrix" },
            ("POST", "/api/v1/privacy/reveal") => new { kind = "customer", id = world.Outside["customer"], field = "mobile", reason = "scope matrix" },
            _ => throw new InvalidOperationException($"Add a sample body for {method} {pattern} to the scope matrix."),
        };

        if (body is "import")
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"code,name_zh,level,parent_code\nMX-{Guid.NewGuid():N},越权,CityBranch,JS\n"[..]));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            return new MultipartFormDataContent { { file, "file", "x.csv" } };
        }

        return body is null ? null : new StringContent(JsonSerializer.Serialize(body, XiaobaoAppFactory.Json), Encoding.UTF8, "application/json");
    }

    private sealed record World(
        Dictionary<string, string> UserFor, Dictionary<string, string> Inside, Dictionary<string, string> Outside, string InsideOrganisationCode, List<string> OutsideMarkers)
    {
        public static async Task<World> BuildAsync(XiaobaoAppFactory app)
        {
            using var admin = await app.ClientForAsync("admin");
            var userFor = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var role in s_roles)
            {
                userFor[role] = await AuthTests.CreateUserAsync(app, $"mx{role[..3].ToLowerInvariant()}", role, Branch);
            }

            var organisations = (await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/organisations?pageSize=200"))).GetProperty("items").EnumerateArray().ToList();
            var users = (await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/users?pageSize=200"))).GetProperty("items").EnumerateArray().ToList();
            var customers = (await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/customers?pageSize=200"))).GetProperty("items").EnumerateArray().ToList();
            var inBranch = organisations.Where(o => o.GetProperty("code").GetString()!.StartsWith(Branch, StringComparison.Ordinal)).Select(o => o.GetProperty("id").GetString()!).ToHashSet();
            var insideKey = await IssueKeyAsync(admin, Branch);
            var outsideKey = await IssueKeyAsync(admin, "JS");

            var markers = organisations.Select(o => o.GetProperty("id").GetString()!).Where(id => !inBranch.Contains(id))
                .Concat(users.Where(u => !inBranch.Contains(u.GetProperty("organisationId").GetString()!)).Select(u => u.GetProperty("id").GetString()!))
                .Concat(customers.Where(c => !inBranch.Contains(c.GetProperty("organisationId").GetString()!)).Select(c => c.GetProperty("id").GetString()!))
                .Append(outsideKey)
                .ToList();
            string IdOf(string code) => organisations.Single(o => o.GetProperty("code").GetString() == code).GetProperty("id").GetString()!;
            string UserId(string name) => users.Single(u => u.GetProperty("userName").GetString() == name).GetProperty("id").GetString()!;
            string CustomerAt(string code) => customers.First(c => c.GetProperty("organisationCode").GetString() == code).GetProperty("id").GetString()!;

            return new World(
                userFor,
                new() { ["organisation"] = IdOf("GD-SZ-NS"), ["user"] = UserId("handler"), ["apikey"] = insideKey, ["customer"] = CustomerAt("GD-SZ-NS") },
                new() { ["organisation"] = IdOf("JS-NJ"), ["user"] = UserId("sales"), ["apikey"] = outsideKey, ["customer"] = CustomerAt("JS-NJ-GL") },
                "GD-SZ-NS",
                markers);
        }

        private static async Task<string> IssueKeyAsync(HttpClient admin, string organisationCode)
        {
            var issued = await HttpAssertions.ReadJsonAsync(await admin.PostJsonAsync(
                "/api/v1/apikeys", new { name = $"matrix {organisationCode}", organisationCode, permissions = new[] { "organisations.read" } }));
            return issued.GetProperty("key").GetProperty("id").GetString()!;
        }
    }
}
