using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using AntDesign;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using Xiaobao.Access;
using Xiaobao.Audit;
using Xiaobao.Audit.Features.VerifyChain;
using Xiaobao.Calendar;
using Xiaobao.Customers;
using Xiaobao.Host.Auth;
using Xiaobao.Host.Components;
using Xiaobao.Host.Database;
using Xiaobao.Host.Demo;
using Xiaobao.Host.Operations;
using Xiaobao.Jobs;
using Xiaobao.Organisations;
using Xiaobao.Persistence;
using Xiaobao.Privacy;
using Xiaobao.TextEngine;
using Xiaobao.TextEngine.Features.Cli;

namespace Xiaobao.Host;

/// <summary>Composes the modules into one application and runs it, or runs one of the host's commands.</summary>
public static class XiaobaoApp
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static async Task<int> RunAsync(string[] args)
    {
        var command = Commands.Parse(args);
        if (command.Error is { } error)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        var isText = command.Name is TextCli.Segment or TextCli.Check;
        var app = Build(isText ? [] : command.HostArgs, command.NoDemo, quiet: isText);
        try
        {
            if (command.Name == "seed-demo")
            {
                await StartupTasks.RunAsync(app.Services, app.Configuration, CancellationToken.None);
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Bootstrap>().SeedDemoAsync(CancellationToken.None);
                await Console.Out.WriteLineAsync("Demo insurer is in place.");
                return 0;
            }

            if (command.Name == "audit verify")
            {
                return await VerifyAuditAsync(app.Services);
            }

            if (isText)
            {
                await DatabaseSetup.MigrateAsync(app.Services, CancellationToken.None);
                return await TextCli.RunAsync(app.Services, command.Name!, command.HostArgs, Console.Out, Console.Error, CancellationToken.None);
            }

            app.Lifetime.ApplicationStarted.Register(() => PrintUrls(app));
            await app.RunAsync();
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"xiaobao: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        AuditChainReport report;
        try
        {
            report = await VerifyAuditChain.HandleAsync(scope.ServiceProvider.GetRequiredService<IAuditDb>(), CancellationToken.None);
        }
        catch (System.Data.Common.DbException e)
        {
            await Console.Error.WriteLineAsync($"audit: cannot read the audit trail: {e.Message}");
            return 1;
        }

        if (report.Intact)
        {
            await Console.Out.WriteLineAsync($"audit: {report.Entries} entries verified, chain intact");
            return 0;
        }

        await Console.Out.WriteLineAsync($"audit: chain broken at sequence {report.BrokenAt}: {report.Problem}: {report.Detail} ({report.Entries} entries verified before it)");
        return 1;
    }

    private static void PrintUrls(WebApplication app)
    {
        foreach (var address in app.Urls)
        {
            Console.WriteLine($"Xiaobao is running at {address}  (API reference: {address}/api/docs)");
        }
    }

    /// <param name="quiet">No log output: a command whose standard output and error are its result (the text commands).</param>
    public static WebApplication Build(string[] args, bool noDemo = false, bool quiet = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot() });
        builder.Configuration.AddEnvironmentVariables("Xiaobao__");
        if (noDemo)
        {
            builder.Configuration["Demo:Enabled"] = "false";
        }

        ConfigureServices(builder);
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    // `dotnet run` starts in the project folder; a built or published Xiaobao.Host.dll may be started from anywhere,
    // and then its settings and web root are the ones beside the assembly.
    private static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddXiaobaoDatabase(Directory.GetCurrentDirectory());
        services.AddXiaobaoAuth(builder.Configuration);
        services.AddOrganisationsModule().AddAccessModule().AddCalendarModule().AddAuditModule().AddJobsModule().AddTextEngineModule(builder.Configuration);
        services.AddPrivacyModule(Directory.GetCurrentDirectory()).AddCustomersModule();
        services.AddScoped<Bootstrap>();
        services.AddHostedService<StartupTasks>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddXiaobaoRateLimits();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 20 * 1024 * 1024);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = 25 * 1024 * 1024;
            o.AddServerHeader = false;
        });

        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Xiaobao API";
            document.Info.Description = "消保 — consumer-protection platform for life insurers. Authenticate with POST /api/v1/auth/token (bearer) or an API key (X-Api-Key).";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<XiaobaoDbContext>("database");

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Simplified Chinese unless the user chose otherwise; the browser's language is not consulted by the UI.
            // API callers without the cookie may ask for English with Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiAcceptLanguageProvider()];
        });

        // The security-headers middleware sets X-Frame-Options for every response; antiforgery would add a second one.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddAntDesign();

        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole();
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("xiaobao"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/_blazor")).AddSource("Npgsql"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Microsoft.EntityFrameworkCore"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        // Outermost, so error responses (problem titles, field messages) are written in the request's language too.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseMiddleware<ScopeMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Xiaobao API").WithOpenApiRoutePattern("/api/openapi/{documentName}.json")).AllowAnonymous();
        app.MapAccessEndpoints();
        app.MapOrganisationsEndpoints();
        app.MapOrganisationsUiEndpoints();
        app.MapCalendarEndpoints();
        app.MapCalendarUiEndpoints();
        app.MapAuditEndpoints();
        app.MapJobsEndpoints();
        app.MapPrivacyEndpoints();
        app.MapCustomersEndpoints();
        app.MapCustomersUiEndpoints();
        app.MapTextEngineEndpoints();
        app.MapTextEngineUiEndpoints();
        app.MapAuditUiEndpoints();
        app.MapAccountEndpoints();

        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            // Our security headers already forbid framing; Blazor would add a second, weaker policy header.
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .AddAdditionalAssemblies(
                typeof(OrganisationsModule).Assembly, typeof(AccessModule).Assembly, typeof(CalendarModule).Assembly, typeof(JobsModule).Assembly,
                typeof(CustomersModule).Assembly, typeof(TextEngineModule).Assembly, typeof(AuditModule).Assembly);
    }
}
