namespace Xiaobao.Kernel.Scoping;

/// <summary>
/// Runs one unit of UI work in a fresh service scope (its own DbContext) that carries the caller's organisation scope.
/// A Blazor circuit lives for hours; sharing one DbContext across its events would leak tracked state and race.
/// </summary>
public interface IScopedRunner
{
    Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work);
}
