using Xiaobao.Host.Demo;
using Xiaobao.Privacy;

namespace Xiaobao.Host.Database;

/// <summary>
/// Migrates the database and runs the bootstrap before the server accepts its first request
/// (a lifecycle "starting" hook runs before every hosted service, Kestrel included).
/// </summary>
internal sealed class StartupTasks(IServiceProvider services, IConfiguration configuration) : IHostedLifecycleService
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        await DatabaseSetup.MigrateAsync(services, ct);
        await PrivacyModule.CheckKeysAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Bootstrap>().RunAsync(configuration.GetValue("Demo:Enabled", true), ct);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => RunAsync(services, configuration, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
