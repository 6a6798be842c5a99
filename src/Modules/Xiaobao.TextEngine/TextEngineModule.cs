using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;
using Xiaobao.Text.Phrases;
using Xiaobao.Text.Segmentation;
using Xiaobao.TextEngine.Features.Check;
using Xiaobao.TextEngine.Features.Dictionaries;
using Xiaobao.TextEngine.Features.RuleSets;
using Xiaobao.TextEngine.Features.Segment;

namespace Xiaobao.TextEngine;

/// <summary>
/// The text engine's surfaces: segmentation and rule checking over HTTP, the administrators' rule sets and term
/// lists, the workbench page and the "text" commands. The engine itself is the Xiaobao.Text library.
/// </summary>
public static class TextEngineModule
{
    private const string SharedByAll = "Text analysis and its rule sets and term lists hold no organisation's data.";

    public static IServiceCollection AddTextEngineModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TextEngineOptions>().Bind(configuration.GetSection(TextEngineOptions.Section))
            .Validate(o => o.MaxTextBytes > 0, "TextEngine:MaxTextBytes must be positive.").ValidateOnStart();
        return services
            .AddSingleton<RuleSetCatalog>()
            .AddSingleton<TermListCache>()
            .AddScoped<SegmentText>()
            .AddScoped<CheckText>()
            .AddScoped<ManageRuleSets>()
            .AddScoped<ManageTermLists>()
            .AddHostedService<WarmUp>();
    }

    public static IEndpointRouteBuilder MapTextEngineEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapApiGroup("text", "Text");
        group.MapPost("/segment", SegmentAsync).RequirePermission(Permissions.TextUse).ForGlobal(SharedByAll);
        group.MapPost("/check", CheckAsync).RequirePermission(Permissions.TextUse).ForGlobal(SharedByAll);
        group.MapGet("/rule-sets", async (ManageRuleSets handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .RequirePermission(Permissions.TextUse);
        group.MapGet("/rule-sets/{id}", ExportRuleSetAsync).RequirePermission(Permissions.TextUse).ForGlobal(SharedByAll);
        group.MapPut("/rule-sets/{id}", ImportRuleSetAsync).RequirePermission(Permissions.TextManage).ForGlobal(SharedByAll);
        group.MapDelete("/rule-sets/{id}", WithdrawRuleSetAsync).RequirePermission(Permissions.TextManage).ForGlobal(SharedByAll);
        group.MapGet("/dictionaries", async (ManageTermLists handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .RequirePermission(Permissions.TextManage);
        group.MapGet("/dictionaries/{name}", GetTermListAsync).RequirePermission(Permissions.TextManage).ForGlobal(SharedByAll);
        group.MapPut("/dictionaries/{name}", SaveTermListAsync).RequirePermission(Permissions.TextManage).ForGlobal(SharedByAll);
        group.MapDelete("/dictionaries/{name}", RemoveTermListAsync).RequirePermission(Permissions.TextManage).ForGlobal(SharedByAll);
        return routes;
    }

    /// <summary>The rule-set download the workbench links to: the API takes bearer tokens only, a browser link sends the cookie.</summary>
    public static IEndpointRouteBuilder MapTextEngineUiEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/text/rule-sets/{id}.json", async (ManageRuleSets handler, string id, CancellationToken ct) =>
                await handler.ExportAsync(id, ct) is { } json
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"{id}.json")
                    : Results.NotFound())
            .RequireAuthorization(PermissionPolicy.Name(Permissions.TextUse))
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task<Ok<SegmentResponse>> SegmentAsync(SegmentText handler, IOptions<TextEngineOptions> options, SegmentRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(request, options.Value.MaxTextBytes, ct));

    private static async Task<Ok<CheckResponse>> CheckAsync(CheckText handler, IOptions<TextEngineOptions> options, CheckRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(request, options.Value.MaxTextBytes, ct));

    private static async Task<Results<ContentHttpResult, NotFound>> ExportRuleSetAsync(ManageRuleSets handler, string id, CancellationToken ct) =>
        await handler.ExportAsync(id, ct) is { } json ? TypedResults.Content(json, "application/json; charset=utf-8") : TypedResults.NotFound();

    private static async Task<Ok<RuleSetSummaryDto>> ImportRuleSetAsync(ManageRuleSets handler, string id, JsonElement document, CancellationToken ct) =>
        TypedResults.Ok(await handler.ImportAsync(id, document.GetRawText(), ct));

    private static async Task<Results<NoContent, NotFound>> WithdrawRuleSetAsync(ManageRuleSets handler, string id, CancellationToken ct) =>
        await handler.WithdrawAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<TermListDto>, NotFound>> GetTermListAsync(ManageTermLists handler, string name, CancellationToken ct) =>
        await handler.GetAsync(name, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Ok<TermListDto>> SaveTermListAsync(ManageTermLists handler, string name, TermListDto request, CancellationToken ct) =>
        TypedResults.Ok(await handler.SaveAsync(name, request, ct));

    private static async Task<Results<NoContent, NotFound>> RemoveTermListAsync(ManageTermLists handler, string name, CancellationToken ct) =>
        await handler.RemoveAsync(name, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Loads jieba's dictionary and compiles the shipped rule sets in the background, so the first request does not wait a second for them.</summary>
    private sealed class WarmUp : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
            () =>
            {
                _ = ChineseSegmenter.Shared;
                _ = BuiltInRuleSets.All;
            },
            stoppingToken);
    }
}
