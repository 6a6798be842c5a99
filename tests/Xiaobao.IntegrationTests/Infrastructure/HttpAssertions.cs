using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Xiaobao.IntegrationTests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts an RFC 9457 problem with the given status, and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        return json;
    }

    /// <summary>Asserts a 400 validation problem that names <paramref name="field"/>.</summary>
    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var json = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(
            json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"Expected an error for field '{field}' in {json}");
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, XiaobaoAppFactory.Json)!;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => await ReadAsync<JsonElement>(response);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, XiaobaoAppFactory.Json);
}
